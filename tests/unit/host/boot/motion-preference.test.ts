import { describe, expect, it } from 'vitest';
import { apiPaths, REDUCE_MOTION_SETTING_ID } from '../../../../bridge/index.ts';
import { MotionPreference } from '../../../../host/boot/motion-preference.ts';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';

// The real mock backend (msw) answers; the preference reads the answers the way pages get them.
const backend = setupMockBackend();

/** A media query list of the platform's preference, flipped by the test as a viewer would in the OS. */
class PlatformPreference extends EventTarget {
  matches: boolean;
  constructor(matches: boolean) {
    super();
    this.matches = matches;
  }
  flip(matches: boolean): void {
    this.matches = matches;
    this.dispatchEvent(Object.assign(new Event('change'), { matches }));
  }
}

function follow(media: PlatformPreference | null = null) {
  const changes: boolean[] = [];
  const warnings: string[] = [];
  const preference = new MotionPreference({
    media,
    onChange: (reduced) => changes.push(reduced),
    onWarning: (message) => warnings.push(message),
  });
  const fetch = preference.tapFetch(globalThis.fetch.bind(globalThis), TEST_API_BASE);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { preference, changes, warnings, fetch, settled };
}

const put = (value: boolean): RequestInit => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ value }),
});

describe('MotionPreference', () => {
  it('says motion is full at first, and follows the setting as the backend answers reads and saves', async () => {
    const { preference, changes, fetch, settled } = follow();
    expect(changes).toEqual([false]);
    await fetch(`${TEST_API_BASE}${apiPaths.setting(REDUCE_MOTION_SETTING_ID)}`, put(true));
    await settled();
    expect([preference.reduced, changes]).toEqual([true, [false, true]]);
    const answer = await fetch(`${TEST_API_BASE}${apiPaths.settings()}`);
    expect(((await answer.json()) as { settings: unknown[] }).settings.length).toBeGreaterThan(0); // untouched for the caller
    await settled();
    expect(preference.reduced).toBe(true); // the backend holds the save
    await fetch(`${TEST_API_BASE}${apiPaths.setting(REDUCE_MOTION_SETTING_ID)}`, put(false));
    await settled();
    expect(changes).toEqual([false, true, false]);
  });

  it('ignores other settings and failed answers', async () => {
    const { changes, fetch, settled } = follow();
    await fetch(`${TEST_API_BASE}${apiPaths.setting('subtitles')}`, put(true));
    backend.fail('settings', { kind: 'status', status: 500 });
    await fetch(`${TEST_API_BASE}${apiPaths.settings()}`);
    await settled();
    expect(changes).toEqual([false]);
  });

  it("is reduced while the platform asks for it, whatever the setting, and follows the platform's changes", () => {
    const media = new PlatformPreference(true);
    const { preference, changes } = follow(media);
    expect(preference.reduced).toBe(true);
    media.flip(false);
    media.flip(true);
    expect(changes).toEqual([true, false, true]);
    preference.dispose();
    media.flip(false);
    expect(changes).toEqual([true, false, true]);
  });

  it('names what was wrong in an answer that breaks the settings contract, and keeps its answer', () => {
    const { preference, warnings } = follow();
    preference.observe(apiPaths.settings(), { settings: [{ id: REDUCE_MOTION_SETTING_ID, value: 'yes' }] });
    preference.observe(apiPaths.setting(REDUCE_MOTION_SETTING_ID), null);
    expect(preference.reduced).toBe(false);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^GET \/api\/settings: answer ignored for reduced motion, at \.settings\[0\]\.label: /,
    );
    expect(warnings[1]).toMatch(/^PUT \/api\/settings\/reduce-motion: answer ignored for reduced motion, /);
  });
});
