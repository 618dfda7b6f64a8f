// The soak's own parts that run in Node: its seeded choices, its flags, its report.
import { describe, expect, it } from 'vitest';
import { parseFailureSpec } from '../../host/mock-backend/failure-rules.ts';
import { pageIds, REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { parseLocation } from '../../router/url.ts';
import { chooseAction, describeAction, type SoakAction } from './actions.ts';
import { parseSoakArgs } from './args.ts';
import { seededRandom } from './random.ts';
import { formatViolation } from './report.ts';

const walkOf = (seed: number, steps: number): SoakAction[] => {
  const random = seededRandom(seed);
  return Array.from({ length: steps }, () => chooseAction(random));
};

describe('the seeded walk', () => {
  it('replays the same actions for the same seed, and other actions for another', () => {
    expect(walkOf(3, 300)).toEqual(walkOf(3, 300));
    expect(walkOf(3, 300).map(describeAction)).not.toEqual(walkOf(4, 300).map(describeAction));
  });

  it('draws numbers in range', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 1000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(3, 8);
      expect(n >= 3 && n <= 8 && Number.isInteger(n)).toBe(true);
    }
  });

  it('uses every kind of action over a long walk', () => {
    const kinds = new Set(walkOf(1, 3000).map((action) => action.kind));
    expect([...kinds].sort()).toEqual(
      ['browser-back', 'browser-forward', 'burst', 'deep-link', 'fault', 'key', 'reload'].sort(),
    );
  });

  it('arms only faults the app can parse, and opens only URLs of pages the plan has', () => {
    const routes = pageIds(REFERENCE_PLAN);
    for (const action of walkOf(2, 3000)) {
      if (action.kind === 'fault') expect(parseFailureSpec(action.spec)).toHaveLength(1);
      if (action.kind === 'deep-link') {
        const url = new URL(action.path, 'http://app.test');
        const location = parseLocation(url.pathname, url.search, routes, REFERENCE_PLAN.rootRoute);
        expect(location.ok, action.path).toBe(true);
      }
    }
  });
});

describe('parseSoakArgs', () => {
  it('defaults to one short walk', () => {
    expect(parseSoakArgs([])).toEqual({ seeds: [1], steps: 300, verbose: false, show: 5 });
  });

  it('reads the README command line', () => {
    expect(parseSoakArgs(['--seeds=1,2,3', '--steps=10000'])).toMatchObject({
      seeds: [1, 2, 3],
      steps: 10000,
    });
    expect(parseSoakArgs(['--verbose', '--show=0'])).toMatchObject({ verbose: true, show: 0 });
  });

  it('names a bad flag', () => {
    expect(() => parseSoakArgs(['--seeds=1,x'])).toThrow('--seeds: "x" is not an integer seed');
    expect(() => parseSoakArgs(['--steps=0'])).toThrow('--steps: "0" is not a whole number of at least 1');
    expect(() => parseSoakArgs(['--step=5'])).toThrow('unknown flag "--step=5"');
  });
});

describe('formatViolation', () => {
  it('says where, what, the screen and the actions before', () => {
    const text = formatViolation({
      seed: 2,
      step: 41,
      action: 'Escape',
      problems: ['the URL is /collections?profile=p2 but legacy:search is on screen'],
      screen: 'legacy:search, focused key:a, URL /collections?profile=p2',
      before: ['Enter', 'burst Enter Escape'],
    });
    expect(text).toBe(
      [
        '  seed 2, step 41, Escape:',
        '    - the URL is /collections?profile=p2 but legacy:search is on screen',
        '    screen: legacy:search, focused key:a, URL /collections?profile=p2',
        '    after: Enter, burst Enter Escape',
      ].join('\n'),
    );
  });
});
