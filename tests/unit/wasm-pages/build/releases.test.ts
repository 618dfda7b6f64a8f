import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseIndexSchema, ReleaseManifestSchema, type WasmManifest } from '../../../../bridge/index.ts';
import { KEPT_RELEASES, releaseIdOf, writeRelease } from '../../../../wasm-pages/build/releases.ts';

const hex = (digit: string) => digit.repeat(64);
const manifestWith = (profilesDigit: string): WasmManifest => ({
  abiVersion: 2,
  modules: {
    profiles: {
      kind: 'page',
      file: `profiles.${profilesDigit.repeat(12)}.wasm`,
      size: 10,
      sha256: hex(profilesDigit),
      abiVersion: 2,
      inputHash: hex('0'),
    },
    'example-focus': {
      kind: 'example',
      file: 'example-focus.aaaaaaaaaaaa.wasm',
      size: 5,
      sha256: hex('a'),
      abiVersion: 2,
      inputHash: hex('0'),
    },
  },
});

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('writeRelease', () => {
  it('writes an immutable release of the pages only, and the same pages give the same release', () => {
    dir = mkdtempSync(join(tmpdir(), 'ficus-releases-'));
    const first = writeRelease(dir, manifestWith('1'), new Date('2026-12-01T00:00:00Z'));
    expect(first.created).toBe(true);
    expect(first.release).toBe(releaseIdOf(manifestWith('1')));
    const path = join(dir, 'releases', `${first.release}.json`);
    const written = ReleaseManifestSchema.check(JSON.parse(readFileSync(path, 'utf8')));
    expect(written.ok && Object.keys(written.value.modules)).toEqual(['profiles']);

    const again = writeRelease(dir, manifestWith('1'), new Date('2026-12-02T00:00:00Z'));
    expect(again).toMatchObject({ release: first.release, created: false });
    expect(JSON.parse(readFileSync(path, 'utf8')).createdAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it(`keeps the last ${KEPT_RELEASES} releases and the module files they use`, () => {
    dir = mkdtempSync(join(tmpdir(), 'ficus-releases-'));
    const digits = ['1', '2', '3', '4', '5', '6', '7'];
    const releases = digits.map((digit, day) =>
      writeRelease(dir ?? '', manifestWith(digit), new Date(Date.UTC(2026, 11, day + 1))),
    );
    const index = ReleaseIndexSchema.check(
      JSON.parse(readFileSync(join(dir, 'releases', 'index.json'), 'utf8')),
    );
    expect(index.ok).toBe(true);
    if (!index.ok) return;
    const kept = releases.slice(-KEPT_RELEASES).map((written) => written.release);
    expect(Object.keys(index.value.releases)).toEqual(kept);
    expect(index.value.latest).toBe(releases.at(-1)?.release);
    expect(existsSync(join(dir, 'releases', `${releases[0]?.release}.json`))).toBe(false);
    expect([...(releases.at(-1)?.keptFiles ?? [])].sort()).toEqual(
      digits.slice(-KEPT_RELEASES).map((digit) => `profiles.${digit.repeat(12)}.wasm`),
    );
  });
});
