import { describe, expect, it } from 'vitest';
import { ExampleHost } from './abi-host.ts';

/** The clock's texts: [seconds, state]. */
const shown = (host: ExampleHost) => host.texts();

describe('SDK example "pause-resume" (a timer made in an event counts from the frame after it)', () => {
  it('a resumed interval ticks a whole interval after the resume, however long the pause ran no frames', async () => {
    const host = await ExampleHost.mount('pause-resume');
    host.frame(0);
    host.frame(1000);
    expect(shown(host)).toEqual(['1 s', 'Counting']);

    host.focusInitial();
    host.select();
    host.frame(1500); // the frame the host runs right after the event
    expect(shown(host)).toEqual(['1 s', 'Paused']);

    // Paused: no timer, so the host runs no frame until the next event, a minute later. The last
    // frame's time (1500) is long past; the new interval counts from the frame after the event.
    host.select();
    expect(host.frame(61_500).batches).toHaveLength(1);
    expect(shown(host)).toEqual(['1 s', 'Counting']);
    expect(host.frame(62_499).batches).toEqual([]);
    host.frame(62_500);
    expect(shown(host)).toEqual(['2 s', 'Counting']);
    host.frame(63_500);
    expect(shown(host)).toEqual(['3 s', 'Counting']);
  });

  it('a timer made in mount still counts from the first frame', async () => {
    const host = await ExampleHost.mount('pause-resume');
    host.frame(5000);
    expect(host.frame(5999).batches).toEqual([]);
    host.frame(6000);
    expect(shown(host)).toEqual(['1 s', 'Counting']);
  });

  it('paused and resumed at one frame time: the interval counts from the frame after the resume', async () => {
    const host = await ExampleHost.mount('pause-resume');
    host.frame(0);
    host.focusInitial();
    host.select(); // pause before the first tick
    host.frame(400);
    host.select(); // resume
    host.frame(400);
    expect(host.frame(1399).batches).toEqual([]);
    host.frame(1400);
    expect(shown(host)).toEqual(['1 s', 'Counting']);
  });
});
