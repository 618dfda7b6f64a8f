import { describe, expect, it } from 'vitest';
import { apiPaths, type Setting, SettingsResponseSchema } from '../../../../bridge/index.ts';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import {
  SETTINGS_BACK_FOCUS_KEY,
  SettingsPage,
  settingFocusKey,
} from '../../../../legacy-react/pages/settings/index.ts';
import {
  fetchFromBackend,
  focusableByKey,
  focusKeys,
  hasText,
  mountPage,
  setupMockBackend,
  texts,
} from '../../../support/backend-harness.ts';
import type { LegacyHarness } from '../../../support/legacy-harness.ts';

const backend = setupMockBackend();
const pages = { settings: SettingsPage };

async function mountSettings(): Promise<LegacyHarness> {
  const h = mountPage(pages, 'settings');
  await h.waitFor(() => focusKeys(h).some((key) => key.startsWith('setting:')), 'the settings');
  expect(h.focus.focusInitial()).toBe(true);
  await h.settle();
  return h;
}

/** The "On"/"Off" text of a setting's pill (row → pill → text). */
function pill(h: LegacyHarness, settingId: string): string | undefined {
  const row = focusableByKey(h, settingFocusKey(settingId)).node;
  const pillId = row.children[1];
  const pillNode = pillId === undefined ? undefined : h.store.get('legacy', pillId);
  const textId = pillNode?.children[0];
  return textId === undefined ? undefined : h.store.get('legacy', textId)?.props.text;
}

const onOff = (value: boolean): string => (value ? 'On' : 'Off');

function backendValue(settingId: string): boolean | undefined {
  return backend.settings().find((setting) => setting.id === settingId)?.value;
}

function firstSetting(): Setting {
  const first = backend.settings()[0];
  if (first === undefined) throw new Error('the backend has no settings');
  return first;
}

/** Every text the page set by scene ops since message `from`, in order. */
function textsSetSince(h: LegacyHarness, from: number): string[] {
  const set: string[] = [];
  for (const message of h.messages.slice(from)) {
    if (message.type !== 'scene.ops') continue;
    for (const op of message.ops) {
      if (op.op === 'setProp' && op.name === 'text' && typeof op.value === 'string') set.push(op.value);
    }
  }
  return set;
}

const ERROR_PATTERN = /^Couldn't save/;

describe('SettingsPage', () => {
  it('shows a loading panel, then one row per setting from the backend, focused on the first', async () => {
    const { settings } = await fetchFromBackend(apiPaths.settings(), SettingsResponseSchema);
    expect(settings.length).toBeGreaterThan(1);
    const h = mountPage(pages, 'settings');
    expect(hasText(h, 'Loading…')).toBe(true);
    expect(focusKeys(h)).toEqual([]);

    await h.waitFor(() => hasText(h, settings[0]?.label ?? '?'), 'the settings');
    expect(h.focus.focusInitial()).toBe(true);
    await h.settle();
    expect(h.focusedKey()).toBe(settingFocusKey(settings[0]?.id ?? '?'));
    expect(hasText(h, 'Settings')).toBe(true);
    expect(focusKeys(h)).toEqual([...settings.map((s) => settingFocusKey(s.id)), SETTINGS_BACK_FOCUS_KEY]);
    for (const setting of settings) {
      expect(hasText(h, setting.label)).toBe(true);
      expect(pill(h, setting.id)).toBe(onOff(setting.value));
    }
    // Label on the left, pill on the right, every row inside the stage.
    for (const setting of settings) {
      const { rect } = focusableByKey(h, settingFocusKey(setting.id));
      expect(rect.x + rect.width).toBeLessThanOrEqual(1920);
      expect(rect.y + rect.height).toBeLessThanOrEqual(1080);
    }
    walkAttached(h.store, 'legacy', (_node, rect) => {
      expect(rect.x + rect.width).toBeLessThanOrEqual(1920);
      expect(rect.y + rect.height).toBeLessThanOrEqual(1080);
    });
    expect(h.rejected).toEqual([]);
  });

  it('moves down the list to Back and up again to the row it left', async () => {
    const settings = backend.settings();
    const h = await mountSettings();
    for (let i = 1; i < settings.length; i++) {
      h.press('down');
      expect(h.focusedKey()).toBe(settingFocusKey(settings[i]?.id ?? '?'));
    }
    h.press('down');
    expect(h.focusedKey()).toBe(SETTINGS_BACK_FOCUS_KEY);
    h.press('up');
    expect(h.focusedKey()).toBe(settingFocusKey(settings.at(-1)?.id ?? '?'));
  });

  it('selecting a toggle flips it and the backend stores it', async () => {
    const setting = firstSetting();
    const h = await mountSettings();
    h.select();
    await h.settle();
    expect(pill(h, setting.id)).toBe(onOff(!setting.value));
    await h.waitFor(() => backendValue(setting.id) === !setting.value, 'the backend to store the change');

    // A fresh GET (a new mount) shows the stored value.
    const again = await mountSettings();
    expect(pill(again, setting.id)).toBe(onOff(!setting.value));

    // And back.
    h.select();
    await h.settle();
    expect(pill(h, setting.id)).toBe(onOff(setting.value));
    await h.waitFor(() => backendValue(setting.id) === setting.value, 'the backend to store the change back');
    expect(texts(h).some((t) => ERROR_PATTERN.test(t.text))).toBe(false);
    expect(h.rejected).toEqual([]);
  });

  it('flips a toggle back and says so when saving fails', async () => {
    const settings = backend.settings();
    const second = settings[1];
    if (second === undefined) throw new Error('need two settings');
    const h = await mountSettings();
    h.press('down');
    expect(h.focusedKey()).toBe(settingFocusKey(second.id));

    backend.fail('settings', { kind: 'status', status: 500 }, { times: 1 });
    const from = h.messages.length;
    h.select();
    await h.waitFor(() => texts(h).some((t) => ERROR_PATTERN.test(t.text)), 'the error line');
    // Optimistic first, then back.
    const set = textsSetSince(h, from);
    expect(set.indexOf(onOff(!second.value))).toBeGreaterThanOrEqual(0);
    expect(set.lastIndexOf(onOff(second.value))).toBeGreaterThan(set.indexOf(onOff(!second.value)));
    expect(pill(h, second.id)).toBe(onOff(second.value));
    expect(backendValue(second.id)).toBe(second.value);
    expect(
      hasText(h, `Couldn't save “${second.label}”. It is ${onOff(second.value)} again; please try later.`),
    ).toBe(true);

    // The next change works again and clears the error line.
    h.select();
    await h.waitFor(() => backendValue(second.id) === !second.value, 'the retried change');
    await h.settle();
    expect(pill(h, second.id)).toBe(onOff(!second.value));
    expect(texts(h).some((t) => ERROR_PATTERN.test(t.text))).toBe(false);
    expect(h.rejected).toEqual([]);
  });

  it('a network failure while saving flips back too', async () => {
    const setting = firstSetting();
    const h = await mountSettings();
    backend.fail('settings', { kind: 'network' }, { times: 1 });
    h.select();
    await h.waitFor(() => texts(h).some((t) => ERROR_PATTERN.test(t.text)), 'the error line');
    expect(pill(h, setting.id)).toBe(onOff(setting.value));
    expect(backendValue(setting.id)).toBe(setting.value);
  });

  it('Back asks the router to go back', async () => {
    const h = await mountSettings();
    for (let i = 0; i < backend.settings().length; i++) h.press('down');
    expect(h.focusedKey()).toBe(SETTINGS_BACK_FOCUS_KEY);
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'back' }]);
  });

  it('shows an error with Retry when the settings cannot load, and Retry loads them', async () => {
    backend.fail('settings', { kind: 'status', status: 503 }, { times: 1 });
    const h = mountPage(pages, 'settings');
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
    expect(texts(h).some((t) => t.text.includes('503'))).toBe(true);
    expect(focusKeys(h)).toEqual(['error-retry', SETTINGS_BACK_FOCUS_KEY]);
    expect(h.focus.focusInitial()).toBe(true);
    expect(h.focusedKey()).toBe('error-retry');
    h.select();
    await h.waitFor(
      () => focusKeys(h).includes(settingFocusKey(firstSetting().id)),
      'the settings after Retry',
    );
    expect(hasText(h, 'Something went wrong')).toBe(false);
    expect(h.focusedKey()).toBe(settingFocusKey(firstSetting().id)); // initial focus, by itself
    expect(h.rejected).toEqual([]);
  });

  it('a malformed answer is an error', async () => {
    backend.fail('settings', { kind: 'malformed' }, { times: 1 });
    const h = mountPage(pages, 'settings');
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
  });

  it('two mounts draw the same scene', async () => {
    const first = (await mountSettings()).snapshot();
    const second = (await mountSettings()).snapshot();
    expect(second).toBe(first);
  });
});
