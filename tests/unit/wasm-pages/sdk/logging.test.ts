import { describe, expect, it } from 'vitest';
import { ExampleHost } from './abi-host.ts';

describe('SDK example "logging" (log, metric, console.log)', () => {
  it('logs and measures its mount; console.log reaches stdout', async () => {
    const host = await ExampleHost.load('logging');
    const mounted = host.mount('logging-demo');
    expect(mounted.messages).toEqual([
      { type: 'log', level: 'info', message: 'logging example mounted on route logging-demo' },
      { type: 'metric', name: 'example.mounts', value: 1 },
    ]);
    expect(mounted.stdout).toContain('logging example: stdout works too');
  });

  it('each select sends a debug log and a growing metric', async () => {
    const host = await ExampleHost.mount('logging');
    host.focusInitial();
    expect(host.select().messages).toEqual([
      { type: 'log', level: 'debug', message: 'selected log:button (1 times)' },
      { type: 'metric', name: 'example.selects', value: 1 },
    ]);
    expect(host.select().messages[1]).toEqual({ type: 'metric', name: 'example.selects', value: 2 });
  });

  it('logs an error for an arrow that leads nowhere', async () => {
    const host = await ExampleHost.mount('logging');
    host.focusInitial();
    expect(host.press('up').messages).toEqual([
      { type: 'log', level: 'error', message: 'arrow up from log:button leads nowhere' },
    ]);
  });

  it('reports how many frames it saw when unmounted', async () => {
    const host = await ExampleHost.mount('logging');
    for (let t = 0; t < 3; t++) host.frame(t * 16);
    expect(host.unmount().messages).toEqual([
      { type: 'metric', name: 'example.frames', value: 3 },
      { type: 'log', level: 'warn', message: 'logging example unmounted' },
    ]);
  });
});
