import type { Page } from 'playwright-core';
import type { Random } from './random.ts';

/** The remote's keys as the keyboard sends them (host/input/key-map.ts maps them). */
export const SOAK_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Enter',
  'Escape',
  'Backspace',
] as const;
export type SoakKey = (typeof SOAK_KEYS)[number];

/** One step of the walk. */
export type SoakAction =
  | { readonly kind: 'key'; readonly key: SoakKey }
  /** Several keys pressed as fast as the browser takes them, none waited for. */
  | { readonly kind: 'burst'; readonly keys: readonly SoakKey[] }
  | { readonly kind: 'browser-back' }
  | { readonly kind: 'browser-forward' }
  | { readonly kind: 'reload' }
  /** Reload the current URL with `?fail=<spec>`: the mock backend misbehaves in the new document. */
  | { readonly kind: 'fault'; readonly spec: string }
  /** Open a URL of the app directly, as a viewer following a link would. */
  | { readonly kind: 'deep-link'; readonly path: string };

/** Endpoints a page reads or writes (telemetry aside: no page shows it). */
const FAULT_ENDPOINTS = ['profiles', 'home', 'title', 'search', 'settings', 'playback'] as const;
const FAULT_MODES = ['500', '503', 'malformed', 'network', 'delay=400'] as const;
const PROFILES = ['p1', 'p2', 'p3', 'p4'] as const;
/** The mock catalog's ids run from t0001 to t0480. */
const titleId = (random: Random) => `t${String(random.int(1, 480)).padStart(4, '0')}`;

const DEEP_LINKS: readonly (readonly [(random: Random) => string, number])[] = [
  [() => '/', 1],
  [() => '/profiles', 1],
  [(random) => `/collections?profile=${random.pick(PROFILES)}`, 2],
  [(random) => `/details?id=${titleId(random)}`, 3],
  [(random) => `/playback?id=${titleId(random)}`, 1],
  [() => '/search', 1],
  [() => '/settings', 1],
];

/**
 * The walk's next action, from `random` alone (never from the screen), so a seed replays the same
 * actions on every run. Mostly remote keys; now and then a burst, the browser's buttons, a
 * reload, a backend fault or a deep link.
 *
 * @example
 * const random = seededRandom(1);
 * describeAction(chooseAction(random)); // e.g. "ArrowRight"
 */
export function chooseAction(random: Random): SoakAction {
  const kind = random.weighted<Exclude<SoakAction['kind'], 'key'> | SoakKey>([
    ['ArrowUp', 11],
    ['ArrowDown', 11],
    ['ArrowLeft', 11],
    ['ArrowRight', 11],
    ['Enter', 18],
    ['Escape', 7],
    ['Backspace', 4],
    ['burst', 8],
    ['browser-back', 6],
    ['browser-forward', 4],
    ['reload', 3],
    ['fault', 3],
    ['deep-link', 3],
  ]);
  switch (kind) {
    case 'burst':
      return { kind, keys: Array.from({ length: random.int(3, 8) }, () => random.pick(SOAK_KEYS)) };
    case 'browser-back':
    case 'browser-forward':
    case 'reload':
      return { kind };
    case 'fault': {
      const endpoint = random.pick(FAULT_ENDPOINTS);
      return { kind, spec: `${endpoint}:${random.pick(FAULT_MODES)}*${random.int(1, 3)}` };
    }
    case 'deep-link':
      return { kind, path: random.weighted(DEEP_LINKS)(random) };
    default:
      return { kind: 'key', key: kind };
  }
}

/** One short line, as the report prints it. */
export function describeAction(action: SoakAction): string {
  switch (action.kind) {
    case 'key':
      return action.key;
    case 'burst':
      return `burst ${action.keys.join(' ')}`;
    case 'fault':
      return `reload with ?fail=${action.spec}`;
    case 'deep-link':
      return `open ${action.path}`;
    default:
      return action.kind;
  }
}

/**
 * Performs `action` on `page` without waiting for the app (the walk waits for rest afterwards).
 * Browser navigations wait only until the browser committed them.
 */
export async function performAction(page: Page, appUrl: string, action: SoakAction, timeoutMs: number) {
  const options = { waitUntil: 'commit', timeout: timeoutMs } as const;
  switch (action.kind) {
    case 'key':
      await page.keyboard.press(action.key);
      return;
    case 'burst':
      for (const key of action.keys) await page.keyboard.press(key);
      return;
    case 'browser-back':
      await page.goBack(options);
      return;
    case 'browser-forward':
      await page.goForward(options);
      return;
    case 'reload':
      await page.reload(options);
      return;
    case 'fault': {
      const url = new URL(page.url());
      url.searchParams.set('fail', action.spec);
      await page.goto(url.href, options);
      return;
    }
    case 'deep-link':
      await page.goto(new URL(action.path, appUrl).href, options);
      return;
  }
}
