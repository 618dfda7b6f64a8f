import { describe, expect, it } from 'vitest';
import {
  FailureSpecError,
  parseFailureSpec,
  SLOW_DELAY_MS,
} from '../../../../host/mock-backend/failure-rules.ts';

describe('parseFailureSpec', () => {
  it('parses the example from the docs', () => {
    expect(parseFailureSpec('home:500,search:slow,title:malformed')).toEqual([
      { endpoint: 'home', mode: { kind: 'status', status: 500 }, options: {} },
      { endpoint: 'search', mode: { kind: 'delay', ms: SLOW_DELAY_MS }, options: {} },
      { endpoint: 'title', mode: { kind: 'malformed' }, options: {} },
    ]);
  });

  it('parses every mode, times, spaces and empty parts', () => {
    expect(
      parseFailureSpec(' playback:network*2 , search:slow=250,, home:delay=0 ,telemetry:404*1,'),
    ).toEqual([
      { endpoint: 'playback', mode: { kind: 'network' }, options: { times: 2 } },
      { endpoint: 'search', mode: { kind: 'delay', ms: 250 }, options: {} },
      { endpoint: 'home', mode: { kind: 'delay', ms: 0 }, options: {} },
      { endpoint: 'telemetry', mode: { kind: 'status', status: 404 }, options: { times: 1 } },
    ]);
  });

  it('parses an empty spec as no failures', () => {
    expect(parseFailureSpec('')).toEqual([]);
    expect(parseFailureSpec(' , ')).toEqual([]);
  });

  const bad: [string, string][] = [
    [
      'home:500,hme:500',
      'bad failure spec part "hme:500": unknown endpoint "hme" (expected one of profiles, home, title, search, settings, playback, telemetry, rollout, releases)',
    ],
    ['home', 'bad failure spec part "home": expected <endpoint>[.<METHOD>]:<mode>[*<times>]'],
    [
      'home:200',
      'bad failure spec part "home:200": status must be an HTTP error status from 400 to 599, got 200',
    ],
    [
      'home:boom',
      'bad failure spec part "home:boom": unknown mode "boom" (expected a status 400-599, slow, slow=<ms>, delay=<ms>, malformed or network)',
    ],
    ['home:', 'bad failure spec part "home:": unknown mode ""'],
    [
      'search:slow=fast',
      'bad failure spec part "search:slow=fast": delay must be a whole number of milliseconds, got "fast"',
    ],
    [
      'search:delay=-5',
      'bad failure spec part "search:delay=-5": delay must be a whole number of milliseconds, got "-5"',
    ],
    [
      'title:malformed*0',
      'bad failure spec part "title:malformed*0": times must be a whole number of at least 1, got "0"',
    ],
    ['title:malformed*x', 'bad failure spec part "title:malformed*x": times must be a whole number'],
    ['title:500:1', 'bad failure spec part "title:500:1": unknown mode "500:1"'],
  ];
  for (const [spec, message] of bad) {
    it(`rejects ${JSON.stringify(spec)}`, () => {
      expect(() => parseFailureSpec(spec)).toThrow(FailureSpecError);
      expect(() => parseFailureSpec(spec)).toThrow(message);
    });
  }

  it('says which part is wrong in a field too', () => {
    try {
      parseFailureSpec('home:500, search:sloww ,title:network');
      expect.unreachable('the spec should have been rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(FailureSpecError);
      expect((error as FailureSpecError).part).toBe('search:sloww');
    }
  });
});
