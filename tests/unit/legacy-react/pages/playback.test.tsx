import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiPaths, type PlaybackInfo, PlaybackInfoSchema } from '../../../../bridge/index.ts';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import {
  BACK_FOCUS_KEY,
  formatTime,
  PLAYBACK_START_EVENT,
  PlaybackPage,
  playerReducer,
  SCRUBBER_FOCUS_KEY,
  startPlayer,
  TOGGLE_FOCUS_KEY,
} from '../../../../legacy-react/pages/playback/index.ts';
import { SCRUBBER, TIME_TEXT } from '../../../../legacy-react/pages/playback/playback-layout.ts';
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
const pages = { playback: PlaybackPage };

// The player's clock is setInterval; React's scheduler needs the real setTimeout and microtasks.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function firstTitle() {
  const title = backend.catalog.titles[0];
  if (title === undefined) throw new Error('the catalog is empty');
  return title;
}

async function mountPlayback(id: string = firstTitle().id): Promise<LegacyHarness> {
  const h = mountPage(pages, 'playback', { id });
  await h.waitFor(() => focusKeys(h).includes(SCRUBBER_FOCUS_KEY), 'the player');
  expect(h.focus.focusInitial()).toBe(true);
  await h.settle();
  return h;
}

/** Lets `ms` of the player's clock go by, then lets React commit. */
async function elapse(h: LegacyHarness, ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await h.settle();
}

/** The elapsed and total time texts under the progress bar. */
function times(h: LegacyHarness): { elapsed: string | undefined; total: string | undefined } {
  const row = texts(h).filter((t) => t.y === TIME_TEXT.y);
  return {
    elapsed: row.find((t) => t.x === SCRUBBER.x)?.text,
    total: row.find((t) => t.x > SCRUBBER.x)?.text,
  };
}

/** The width of the filled part of the progress bar (scrubber → track → fill). */
function filledWidth(h: LegacyHarness): number | undefined {
  const trackId = focusableByKey(h, SCRUBBER_FOCUS_KEY).node.children[0];
  const track = trackId === undefined ? undefined : h.store.get('legacy', trackId);
  const fillId = track?.children[0];
  return fillId === undefined ? undefined : h.store.get('legacy', fillId)?.props.width;
}

function toggleLabel(h: LegacyHarness): string | undefined {
  const labelId = focusableByKey(h, TOGGLE_FOCUS_KEY).node.children[0];
  return labelId === undefined ? undefined : h.store.get('legacy', labelId)?.props.text;
}

function outsideStage(h: LegacyHarness): string[] {
  const outside: string[] = [];
  walkAttached(h.store, 'legacy', (node, rect) => {
    if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > 1920 || rect.y + rect.height > 1080) {
      outside.push(`${node.kind} ${JSON.stringify(node.props.focusKey ?? node.props.text ?? '')}`);
    }
  });
  return outside;
}

describe('PlaybackPage: loading', () => {
  it('shows a loading panel, then the title from the backend, playing from 0:00 with the scrubber focused', async () => {
    const title = firstTitle();
    const info: PlaybackInfo = await fetchFromBackend(apiPaths.playback(title.id), PlaybackInfoSchema);
    const h = mountPage(pages, 'playback', { id: title.id });
    expect(hasText(h, 'Loading…')).toBe(true);
    expect(focusKeys(h)).toEqual([]);

    await h.waitFor(() => hasText(h, info.title), 'the title');
    expect(h.focus.focusInitial()).toBe(true);
    await h.settle();
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY);
    expect(focusKeys(h)).toEqual([SCRUBBER_FOCUS_KEY, TOGGLE_FOCUS_KEY, BACK_FOCUS_KEY]);
    expect(times(h)).toEqual({ elapsed: '0:00', total: formatTime(info.durationSeconds) });
    expect(info.durationSeconds).toBeGreaterThanOrEqual(3600);
    expect(times(h).total).toMatch(/^\d+:\d\d:\d\d$/);
    expect(toggleLabel(h)).toBe('Pause');
    expect(filledWidth(h)).toBe(0);
    expect(outsideStage(h)).toEqual([]);
    expect(h.rejected).toEqual([]);
  });

  it('reports playback.start to the backend once', async () => {
    const title = firstTitle();
    const before = backend.telemetryEvents().length;
    const h = await mountPlayback(title.id);
    await h.waitFor(() => backend.telemetryEvents().length > before, 'the telemetry event');
    await h.settle();
    const sent = backend.telemetryEvents().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.name).toBe(PLAYBACK_START_EVENT);
    expect(sent[0]?.data).toEqual({ titleId: title.id, durationSeconds: title.durationMinutes * 60 });
  });

  it('keeps playing when telemetry fails', async () => {
    backend.fail('telemetry', { kind: 'status', status: 500 });
    const h = await mountPlayback();
    await elapse(h, 2000);
    expect(times(h).elapsed).toBe('0:02');
    expect(h.rejected).toEqual([]);
  });
});

describe('PlaybackPage: the clock', () => {
  it('ticks forward every second and the filled bar grows', async () => {
    const h = await mountPlayback();
    await elapse(h, 3000);
    expect(times(h).elapsed).toBe('0:03');
    const duration = firstTitle().durationMinutes * 60;
    const afterThree = filledWidth(h) ?? 0;
    expect(afterThree).toBe(Math.round((SCRUBBER.width * 3) / duration));
    await elapse(h, 57_000);
    expect(times(h).elapsed).toBe('1:00');
    expect(filledWidth(h) ?? 0).toBeGreaterThan(afterThree);
    expect(filledWidth(h)).toBe(Math.round((SCRUBBER.width * 60) / duration));
    expect(h.rejected).toEqual([]);
  });

  it('select on the scrubber pauses (no more ticks) and plays again', async () => {
    const h = await mountPlayback();
    await elapse(h, 2000);
    h.select();
    await h.settle();
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY);
    expect(toggleLabel(h)).toBe('Play');
    expect(hasText(h, 'Paused')).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await elapse(h, 10_000);
    expect(times(h).elapsed).toBe('0:02');

    h.select();
    await h.settle();
    expect(toggleLabel(h)).toBe('Pause');
    expect(hasText(h, 'Paused')).toBe(false);
    await elapse(h, 2000);
    expect(times(h).elapsed).toBe('0:04');
  });

  it('the Play/Pause button toggles too', async () => {
    const h = await mountPlayback();
    h.press('down');
    expect(h.focusedKey()).toBe(TOGGLE_FOCUS_KEY);
    h.select();
    await h.settle();
    expect(toggleLabel(h)).toBe('Play');
    await elapse(h, 5000);
    expect(times(h).elapsed).toBe('0:00');
    h.select();
    await h.settle();
    await elapse(h, 1000);
    expect(times(h).elapsed).toBe('0:01');
    h.press('up');
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY);
  });

  it('stops at the end ("Ended", "Replay") and Replay starts over from 0:00', async () => {
    const title = firstTitle();
    const duration = title.durationMinutes * 60;
    const h = await mountPlayback(title.id);
    await elapse(h, duration * 1000 + 5000);
    expect(times(h)).toEqual({ elapsed: formatTime(duration), total: formatTime(duration) });
    expect(filledWidth(h)).toBe(SCRUBBER.width);
    expect(toggleLabel(h)).toBe('Replay');
    expect(hasText(h, 'Ended')).toBe(true);
    expect(vi.getTimerCount()).toBe(0);

    h.press('down');
    h.select();
    await h.settle();
    expect(times(h).elapsed).toBe('0:00');
    expect(toggleLabel(h)).toBe('Pause');
    await elapse(h, 2000);
    expect(times(h).elapsed).toBe('0:02');
    expect(h.rejected).toEqual([]);
  });

  it('stops the clock when the page unmounts', async () => {
    const h = mountPage(pages, 'playback', { id: firstTitle().id });
    await h.waitFor(() => focusKeys(h).includes(SCRUBBER_FOCUS_KEY), 'the player');
    await h.settle();
    expect(vi.getTimerCount()).toBe(1);
    const [key] = h.world.mountedKeys;
    if (key === undefined) throw new Error('nothing mounted');
    h.world.unmount(key);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('PlaybackPage: seeking', () => {
  it('left/right on the scrubber seek 10 s, focus stays, and seeking clamps at 0', async () => {
    const h = await mountPlayback();
    h.press('right');
    await h.settle();
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY);
    expect(times(h).elapsed).toBe('0:10');
    h.press('right');
    await h.settle();
    expect(times(h).elapsed).toBe('0:20');
    expect(filledWidth(h)).toBe(Math.round((SCRUBBER.width * 20) / (firstTitle().durationMinutes * 60)));
    h.press('left');
    await h.settle();
    expect(times(h).elapsed).toBe('0:10');
    h.press('left');
    h.press('left');
    h.press('left');
    await h.settle();
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY);
    expect(times(h).elapsed).toBe('0:00');
    // Still playing after seeking.
    await elapse(h, 1000);
    expect(times(h).elapsed).toBe('0:01');
    expect(h.rejected).toEqual([]);
  });

  it('seeking clamps at the duration, which ends playback; seeking back from the end pauses', async () => {
    const title = firstTitle();
    const duration = title.durationMinutes * 60;
    const h = await mountPlayback(title.id);
    // Play to 25 s before the end, then seek past it.
    await elapse(h, (duration - 25) * 1000);
    expect(times(h).elapsed).toBe(formatTime(duration - 25));
    h.press('right');
    h.press('right');
    await h.settle();
    expect(times(h).elapsed).toBe(formatTime(duration - 5));
    h.press('right');
    await h.settle();
    expect(times(h).elapsed).toBe(formatTime(duration));
    expect(toggleLabel(h)).toBe('Replay');
    h.press('right');
    await h.settle();
    expect(times(h).elapsed).toBe(formatTime(duration));

    h.press('left');
    await h.settle();
    expect(times(h).elapsed).toBe(formatTime(duration - 10));
    expect(toggleLabel(h)).toBe('Play');
    await elapse(h, 3000);
    expect(times(h).elapsed).toBe(formatTime(duration - 10));
    expect(h.rejected).toEqual([]);
  });

  it('up on the scrubber goes nowhere and changes nothing', async () => {
    const h = await mountPlayback();
    h.press('up');
    await h.settle();
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY);
    expect(times(h).elapsed).toBe('0:00');
  });
});

describe('PlaybackPage: navigation and errors', () => {
  it('Back asks the router to go back', async () => {
    const h = await mountPlayback();
    h.press('down');
    h.press('right');
    expect(h.focusedKey()).toBe(BACK_FOCUS_KEY);
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'back' }]);
  });

  it('shows an error with Retry when playback info fails, and Retry loads it', async () => {
    backend.fail('playback', { kind: 'status', status: 500 }, { times: 1 });
    const h = mountPage(pages, 'playback', { id: firstTitle().id });
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
    expect(texts(h).some((t) => t.text.includes('500'))).toBe(true);
    expect(h.focus.focusInitial()).toBe(true);
    expect(h.focusedKey()).toBe('error-retry');
    h.select();
    await h.waitFor(() => focusKeys(h).includes(SCRUBBER_FOCUS_KEY), 'the player after Retry');
    expect(hasText(h, firstTitle().title)).toBe(true);
    expect(h.focusedKey()).toBe(SCRUBBER_FOCUS_KEY); // the player's initial focus, by itself
    expect(h.rejected).toEqual([]);
  });

  it('an unknown title is an error', async () => {
    const h = mountPage(pages, 'playback', { id: 'no-such-title' });
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
    expect(texts(h).some((t) => t.text.includes('404'))).toBe(true);
  });

  it('without an id it says so and offers Back', async () => {
    const h = mountPage(pages, 'playback', {});
    await h.settle();
    expect(hasText(h, 'No title was chosen to play')).toBe(true);
    expect(h.focus.focusInitial()).toBe(true);
    expect(h.focusedKey()).toBe(BACK_FOCUS_KEY);
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'back' }]);
  });
});

describe('PlaybackPage: determinism', () => {
  it('two mounts draw the same scene', async () => {
    const first = (await mountPlayback()).snapshot();
    const second = (await mountPlayback()).snapshot();
    expect(second).toBe(first);
  });
});

describe('player state and time format', () => {
  it('formats m:ss under an hour and h:mm:ss from an hour', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(3)).toBe('0:03');
    expect(formatTime(754)).toBe('12:34');
    expect(formatTime(3599)).toBe('59:59');
    expect(formatTime(3600)).toBe('1:00:00');
    expect(formatTime(5520)).toBe('1:32:00');
  });

  it('the reducer ends at the duration and ignores ticks when not playing', () => {
    let state = startPlayer(2);
    state = playerReducer(state, { type: 'tick' });
    expect(state).toEqual({ status: 'playing', position: 1, duration: 2 });
    state = playerReducer(state, { type: 'tick' });
    expect(state).toEqual({ status: 'ended', position: 2, duration: 2 });
    expect(playerReducer(state, { type: 'tick' })).toBe(state);
    state = playerReducer(state, { type: 'toggle' });
    expect(state).toEqual({ status: 'playing', position: 0, duration: 2 });
    state = playerReducer(state, { type: 'toggle' });
    expect(playerReducer(state, { type: 'tick' })).toBe(state);
  });
});
