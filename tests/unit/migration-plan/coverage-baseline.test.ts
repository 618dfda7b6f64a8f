import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  BASELINE_FORMAT,
  BaselineFileError,
  baselineOf,
  type CoverageBaseline,
  formatBaseline,
  parseBaseline,
  ratchet,
} from '../../../migration-plan/coverage-baseline.ts';
import { checkCoverage } from '../../../migration-plan/coverage-check.ts';
import { coverageReport, type PageParity, pageParity } from '../../../migration-plan/index.ts';
import { legacyPage, planOf, wasmPage } from './plan-fixtures.ts';

const base = (fields: Partial<CoverageBaseline> = {}): CoverageBaseline => ({
  format: BASELINE_FORMAT,
  donePorts: 3,
  implementedPages: 4,
  wasmUsageShare: 0.35,
  ...fields,
});

describe('ratchet', () => {
  it('holds when nothing moved', () => {
    expect(ratchet(base(), base())).toEqual({ kind: 'same' });
  });

  it('improves when something rose and nothing fell, giving the new baseline', () => {
    expect(ratchet(base(), base({ donePorts: 4, wasmUsageShare: 0.5 }))).toEqual({
      kind: 'improved',
      improved: [
        { metric: 'donePorts', from: 3, to: 4 },
        { metric: 'wasmUsageShare', from: 0.35, to: 0.5 },
      ],
      next: base({ donePorts: 4, wasmUsageShare: 0.5 }),
    });
  });

  it('fails when anything fell, even if something else rose', () => {
    expect(ratchet(base(), base({ donePorts: 2, implementedPages: 5 }))).toEqual({
      kind: 'fell',
      fell: [{ metric: 'donePorts', from: 3, to: 2 }],
      improved: [{ metric: 'implementedPages', from: 4, to: 5 }],
    });
  });

  it('counts a share that became unknown as fallen, and one that became known as risen', () => {
    expect(ratchet(base(), base({ wasmUsageShare: null })).kind).toBe('fell');
    expect(ratchet(base({ wasmUsageShare: null }), base()).kind).toBe('improved');
  });
});

describe('parseBaseline', () => {
  it('reads back what formatBaseline writes', () => {
    expect(parseBaseline('b.json', JSON.parse(formatBaseline(base())))).toEqual(base());
    expect(formatBaseline(base())).toBe(
      `{\n  "format": "${BASELINE_FORMAT}",\n  "donePorts": 3,\n  "implementedPages": 4,\n  "wasmUsageShare": 0.35\n}\n`,
    );
  });

  it.each([
    [[], /b\.json: a coverage baseline must be a JSON object/],
    [{ ...base(), format: 'x' }, /b\.json: "format" must be "ficus-coverage-baseline\/1", got "x"/],
    [{ ...base(), donePorts: 1.5 }, /b\.json: "donePorts" must be a whole number ≥ 0, got 1.5/],
    [
      { ...base(), implementedPages: undefined },
      /"implementedPages" must be a whole number ≥ 0, got nothing/,
    ],
    [{ ...base(), wasmUsageShare: 2 }, /"wasmUsageShare" must be a number from 0 to 1 or null, got 2/],
    [{ ...base(), extra: 1 }, /unknown field "extra"/],
  ])('refuses %j, naming the field', (data, message) => {
    expect(() => parseBaseline('b.json', data)).toThrow(BaselineFileError);
    expect(() => parseBaseline('b.json', data)).toThrow(message);
  });
});

describe('checkCoverage', () => {
  const pass: PageParity = pageParity([
    {
      format: 'ficus-parity/1',
      page: 'home',
      file: 't.ts',
      commit: null,
      dirty: false,
      writtenAt: '2026-01-01T00:00:00.000Z',
      runs: [{ name: 'a', steps: 1, pass: true, differingSteps: [] }],
    },
  ]);
  const plan = planOf([
    wasmPage('home', { usageWeight: 3 }),
    wasmPage('details', { usageWeight: 1, defaultWorld: 'legacy' }),
    legacyPage('search', { usageWeight: 1 }),
  ]);
  const withParity = coverageReport(plan, new Map([['home', pass]]));

  function baselineFile(content?: CoverageBaseline | string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-baseline-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'coverage-baseline.json');
    if (content !== undefined)
      writeFileSync(path, typeof content === 'string' ? content : formatBaseline(content));
    return path;
  }

  it('fails without parity results, telling to run npm test, and writes nothing', () => {
    const path = baselineFile();
    const result = checkCoverage(coverageReport(plan), path, 'out/parity');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([expect.stringMatching(/no parity results in out\/parity: run npm test/)]);
    expect(() => readFileSync(path)).toThrow();
  });

  it('holds at the baseline without touching the file', () => {
    const path = baselineFile(baselineOf(withParity));
    const before = readFileSync(path, 'utf8');
    expect(checkCoverage(withParity, path, 'p')).toEqual({
      exitCode: 0,
      lines: [`coverage --check: coverage holds at the baseline (${path})`],
    });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('fails naming which number fell, from what to what, and keeps the baseline', () => {
    const path = baselineFile(base({ donePorts: 2, implementedPages: 2, wasmUsageShare: 0.8 }));
    const result = checkCoverage(withParity, path, 'p');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([
      'coverage --check: donePorts (pages with a WASM implementation and passing parity) fell from 2 to 1',
      "coverage --check: wasmUsageShare (the plan's share of viewer time served by WASM) fell from 80% to 60%",
      `coverage --check: coverage fell below the baseline in ${path}; the baseline is unchanged`,
    ]);
    expect(parseBaseline(path, JSON.parse(readFileSync(path, 'utf8')))).toEqual(
      base({ donePorts: 2, implementedPages: 2, wasmUsageShare: 0.8 }),
    );
  });

  it('rewrites the baseline when coverage improved, and says so', () => {
    const path = baselineFile(base({ donePorts: 0, implementedPages: 2, wasmUsageShare: 0.2 }));
    const result = checkCoverage(withParity, path, 'p');
    expect(result.exitCode).toBe(0);
    expect(result.lines).toEqual([
      'coverage --check: donePorts (pages with a WASM implementation and passing parity) rose from 0 to 1',
      "coverage --check: wasmUsageShare (the plan's share of viewer time served by WASM) rose from 20% to 60%",
      `coverage --check: coverage improved; rewrote ${path}: commit it`,
    ]);
    expect(readFileSync(path, 'utf8')).toBe(formatBaseline(baselineOf(withParity)));
  });

  it('writes a first baseline, and fails on one it cannot read, naming the file', () => {
    const fresh = baselineFile();
    expect(checkCoverage(withParity, fresh, 'p').lines).toEqual([
      `coverage --check: no baseline yet; wrote ${fresh}: commit it`,
    ]);
    expect(readFileSync(fresh, 'utf8')).toBe(formatBaseline(baselineOf(withParity)));
    const broken = baselineFile('{"format": "ficus-coverage-baseline/1", "donePorts": -1}');
    const result = checkCoverage(withParity, broken, 'p');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([
      `coverage --check: cannot read the baseline: ${broken}: "donePorts" must be a whole number ≥ 0, got -1`,
    ]);
  });
});
