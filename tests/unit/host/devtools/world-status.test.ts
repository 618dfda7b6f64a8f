import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../bridge/index.ts';
import {
  releaseInfo,
  rolloutText,
  type WorldStatusInput,
  worldStatusRows,
} from '../../../../host/devtools/world-status.ts';
import { findPage, type PageEntry, REFERENCE_PLAN } from '../../../../migration-plan/index.ts';

const page = (route: string): PageEntry => {
  const entry = findPage(REFERENCE_PLAN, route);
  if (entry === undefined) throw new Error(`the reference plan has no page ${route}`);
  return entry;
};
const collections: HistoryEntry = {
  key: 'e2',
  route: 'collections',
  params: { profile: 'p1' },
  world: 'wasm',
  focusKey: null,
};
const base: WorldStatusInput = {
  visible: collections,
  choice: { world: 'wasm', reason: 'rollout' },
  page: page('collections'),
  cohort: 42,
  device: { storageKey: 'ficus.device', id: 'abc-123' },
  breaker: 'closed',
  openBreakers: [],
  release: { release: 'r7', abiVersion: 2, createdAt: null },
  switching: false,
};
const row = (rows: ReturnType<typeof worldStatusRows>, name: string) =>
  rows.find((r) => r.name === name)?.value;

describe('"why this world?" rows', () => {
  it('say the page, the world that serves it, the rule that chose it, the rollout, cohort, breaker and release', () => {
    const rows = worldStatusRows(base);
    expect(rows.map((r) => r.name)).toEqual([
      'page',
      'world',
      'reason',
      'rollout',
      'cohort',
      'breaker',
      'release',
    ]);
    expect(row(rows, 'page')).toBe('collections profile=p1 (e2)');
    expect(row(rows, 'world')).toBe('wasm');
    expect(row(rows, 'reason')).toBe('rollout (rollout: cohort 42 < 100%)');
    expect(row(rows, 'rollout')).toBe('WASM for cohorts 0-99 (100%): this device (42) is in');
    expect(row(rows, 'cohort')).toBe('42 (from localStorage["ficus.device"] = abc-123)');
    expect(row(rows, 'breaker')).toBe('closed');
    expect(row(rows, 'release')).toBe('release r7, ABI 2');
  });

  it('say when the chosen world failed and the other one serves the page', () => {
    const rows = worldStatusRows({
      ...base,
      visible: { ...collections, world: 'legacy' },
      breaker: 'open',
      openBreakers: ['collections'],
    });
    expect(row(rows, 'world')).toBe('legacy');
    expect(row(rows, 'reason')).toMatch(
      /^fallback: wasm was chosen \(rollout: .*\) but failed, so legacy serves it$/,
    );
    expect(row(rows, 'breaker')).toBe('open (open: collections)');
  });

  it('explain the other rules in words', () => {
    const details = { ...base, visible: { ...collections, route: 'details', world: 'legacy' as const } };
    expect(
      row(worldStatusRows({ ...details, choice: { world: 'legacy', reason: 'default' } }), 'reason'),
    ).toBe("default (the plan's default world)");
    expect(
      row(worldStatusRows({ ...base, choice: { world: 'wasm', reason: 'override' } }), 'reason'),
    ).toMatch(/^override \(QA override/);
    expect(row(worldStatusRows({ ...base, choice: undefined }), 'reason')).toMatch(/^unknown/);
    expect(row(worldStatusRows({ ...base, switching: true }), 'switching')).toBeDefined();
  });

  it('say what is known before the first page and while the manifest is read', () => {
    expect(worldStatusRows({ ...base, visible: undefined })).toEqual([{ name: 'page', value: '(none yet)' }]);
    expect(row(worldStatusRows({ ...base, release: 'reading' }), 'release')).toBe('reading the manifest…');
    expect(row(worldStatusRows({ ...base, release: { error: 'HTTP 404' } }), 'release')).toBe(
      'manifest unavailable: HTTP 404',
    );
  });
});

describe('rolloutText', () => {
  it("describes each kind of plan entry and where this device's cohort falls", () => {
    const reactOnly: PageEntry = { ...page('settings'), implementations: { legacy: true, wasm: false } };
    expect(rolloutText(reactOnly, 3)).toBe('React only (no WASM implementation)');
    expect(rolloutText(page('details'), 3)).toBe('WASM exists, React by default (not rolled out)');
    const half: PageEntry = { ...page('collections'), rollout: { wasmPercent: 50 } };
    expect(rolloutText(half, 49)).toBe('WASM for cohorts 0-49 (50%): this device (49) is in');
    expect(rolloutText(half, 50)).toBe('WASM for cohorts 0-49 (50%): this device (50) is out');
    expect(rolloutText({ ...half, rollout: { wasmPercent: 0 } }, 0)).toBe(
      'WASM for no cohort (0%): this device (0) is out',
    );
    expect(rolloutText(undefined, 0)).toBe('not in the plan');
  });
});

describe('releaseInfo', () => {
  it("reads the manifest's release fields, whichever shape carries them", () => {
    expect(releaseInfo({ abiVersion: 2, modules: {} })).toEqual({
      release: null,
      abiVersion: 2,
      createdAt: null,
    });
    expect(releaseInfo({ release: 'r7', abiVersion: 2, createdAt: '2026-12-01T10:00:00Z' })).toEqual({
      release: 'r7',
      abiVersion: 2,
      createdAt: '2026-12-01T10:00:00Z',
    });
    expect(releaseInfo({ release: { id: 'r8', createdAt: 1700000000000 } })).toEqual({
      release: 'r8',
      abiVersion: null,
      createdAt: '1700000000000',
    });
    expect(releaseInfo({ releaseId: 'r9' }).release).toBe('r9');
    expect(releaseInfo(null)).toEqual({ release: null, abiVersion: null, createdAt: null });
  });
});
