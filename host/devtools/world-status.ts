import type { HistoryEntry, WorldId } from '../../bridge/index.ts';
import type { BreakerState, PageEntry, WorldChoice } from '../../migration-plan/index.ts';
import { formatParams } from './format.ts';

/** Where the device's rollout id lives (see host/boot/browser-boot.ts) and what it is. */
export interface DeviceIdentity {
  /** The localStorage key, "ficus.device". */
  readonly storageKey: string;
  /** The id, or "no-storage" when localStorage is unavailable (then every start is cohort of that string). */
  readonly id: string;
}

/** The release the WASM world runs, as its manifest says (fields it lacks are null). */
export interface ReleaseInfo {
  readonly release: string | null;
  readonly abiVersion: number | null;
  readonly createdAt: string | null;
}

/** A field of a value that may not be an object. */
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Readonly<Record<string, unknown>>)[name]
    : undefined;

/**
 * The release fields of a WASM manifest as read (unchecked: devtools only show it). A release id
 * may be a string `release` / `releaseId`, or an object `release: { id, createdAt }`.
 *
 * @example
 * releaseInfo({ abiVersion: 2, modules: {} });                       // { release: null, abiVersion: 2, createdAt: null }
 * releaseInfo({ release: 'r7', abiVersion: 2, createdAt: '2026-12-01T10:00:00Z' }); // release 'r7'
 */
export function releaseInfo(manifest: unknown): ReleaseInfo {
  const nested = field(manifest, 'release');
  const id = [nested, field(nested, 'id'), field(manifest, 'releaseId')].find(
    (value): value is string => typeof value === 'string',
  );
  const created = [field(manifest, 'createdAt'), field(nested, 'createdAt')].find(
    (value): value is string | number => typeof value === 'string' || typeof value === 'number',
  );
  const abi = field(manifest, 'abiVersion');
  return {
    release: id ?? null,
    abiVersion: typeof abi === 'number' ? abi : null,
    createdAt: created === undefined ? null : String(created),
  };
}

/** What the overlay says about the page on screen: which world serves it and why. */
export interface WorldStatusInput {
  /** The router's visible entry. */
  readonly visible: HistoryEntry | undefined;
  /** The host's last world choice for its route (`host.worldChoice`). */
  readonly choice: WorldChoice | undefined;
  /** The plan's entry for the route. */
  readonly page: PageEntry | undefined;
  readonly cohort: number;
  readonly device: DeviceIdentity;
  /** The page's WASM breaker, as last recorded. */
  readonly breaker: BreakerState;
  /** Pages whose breaker is open, as last recorded. */
  readonly openBreakers: readonly string[];
  /** The release; "reading" while the manifest is on its way, an error message if it failed. */
  readonly release: ReleaseInfo | 'reading' | { readonly error: string };
  readonly switching: boolean;
}

/** One labelled line of the overlay. */
export interface StatusRow {
  /** A stable name, used as the row's `data-devtools-row` (tests and people find it by this). */
  readonly name: string;
  readonly value: string;
  /** An item of a list (history, bus, timings): shown as its value alone, not `name: value`. */
  readonly item?: boolean;
}

/** The policy's reasons (migration-plan/world-policy.ts), in words. */
const REASONS: Readonly<Record<WorldChoice['reason'], string>> = {
  override: 'QA override in the URL (?world.<page>=)',
  'override-unavailable': 'the URL override cannot run here, so the rules decided',
  'only-implementation': 'its only implementation',
  'no-webassembly': 'this device has no WebAssembly',
  'kill-switch': 'the backend pulled the kill switch of its WASM version',
  'breaker-open': "its WASM crashed and the page's breaker is open",
  rollout: 'rollout',
  default: "the plan's default world",
};

/**
 * The rollout of a page in words, and where this device falls in it.
 *
 * @example
 * rolloutText(collectionsPage, 42); // 'WASM for cohorts 0-99 (100%): this device (42) is in'
 */
export function rolloutText(page: PageEntry | undefined, cohort: number): string {
  if (page === undefined) return 'not in the plan';
  if (!page.implementations.wasm) return 'React only (no WASM implementation)';
  if (!page.implementations.legacy) return 'WASM only';
  if (page.defaultWorld === 'legacy') return 'WASM exists, React by default (not rolled out)';
  const percent = page.rollout?.wasmPercent ?? 100;
  const range = percent === 0 ? 'no cohort' : `cohorts 0-${percent - 1}`;
  return `WASM for ${range} (${percent}%): this device (${cohort}) is ${cohort < percent ? 'in' : 'out'}`;
}

/**
 * The "why this world?" rows for the page on screen: page, served by, chosen (world and reason,
 * or that it fell back), rollout, cohort and where its id lives, breaker, release, switching.
 *
 * @example
 * worldStatusRows({ visible, choice: { world: 'wasm', reason: 'rollout' }, ... });
 * // [{ name: 'page', value: 'collections profile=p1 (e2)' }, { name: 'world', value: 'wasm' },
 * //  { name: 'reason', value: 'rollout: ...' }, ...]
 */
export function worldStatusRows(input: WorldStatusInput): StatusRow[] {
  const { visible, choice, page, cohort, device } = input;
  if (visible === undefined) return [{ name: 'page', value: '(none yet)' }];
  const params = formatParams(visible.params);
  const rows: StatusRow[] = [
    { name: 'page', value: `${visible.route}${params === '' ? '' : ` ${params}`} (${visible.key})` },
    { name: 'world', value: visible.world },
    { name: 'reason', value: reasonText(visible.world, choice, page, cohort) },
    { name: 'rollout', value: rolloutText(page, cohort) },
    { name: 'cohort', value: `${cohort} (from localStorage["${device.storageKey}"] = ${device.id})` },
    {
      name: 'breaker',
      value: `${input.breaker}${input.openBreakers.length === 0 ? '' : ` (open: ${input.openBreakers.join(', ')})`}`,
    },
    { name: 'release', value: releaseText(input.release) },
  ];
  if (input.switching) rows.push({ name: 'switching', value: 'a page switch is in progress' });
  return rows;
}

function reasonText(
  served: WorldId,
  choice: WorldChoice | undefined,
  page: PageEntry | undefined,
  cohort: number,
): string {
  if (choice === undefined) return 'unknown (no world choice recorded for this route)';
  const why =
    choice.reason === 'rollout'
      ? `rollout: cohort ${cohort} ${cohort < (page?.rollout?.wasmPercent ?? 100) ? '<' : '≥'} ${page?.rollout?.wasmPercent ?? 100}%`
      : REASONS[choice.reason];
  if (choice.world === served) return `${choice.reason} (${why})`;
  return `fallback: ${choice.world} was chosen (${choice.reason}: ${why}) but failed, so ${served} serves it`;
}

function releaseText(release: WorldStatusInput['release']): string {
  if (release === 'reading') return 'reading the manifest…';
  if ('error' in release) return `manifest unavailable: ${release.error}`;
  const parts = [
    release.release === null ? 'no release id in the manifest' : `release ${release.release}`,
    release.abiVersion === null ? 'ABI ?' : `ABI ${release.abiVersion}`,
  ];
  if (release.createdAt !== null) parts.push(`created ${release.createdAt}`);
  return parts.join(', ');
}
