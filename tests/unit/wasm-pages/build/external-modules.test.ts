import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWasmPages, WasmBuildError } from '../../../../wasm-pages/build/build-pages.ts';
import { ExternalModuleError, findExternalModules } from '../../../../wasm-pages/build/external-modules.ts';
import { builtWasm } from '../../../support/wasm-harness.ts';

// Modules built outside the AssemblyScript build (wasm-pages/build/external-modules.ts), each in a
// scratch project that holds only them. A real page module stands in for "any language": the
// fixture ok-page as the wasm build compiled it (the build reads its ABI version from it).

const OK_PAGE = builtWasm('fixture-ok-page');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A scratch project with one module folder under wasm-pages/examples/. */
function scratch(name: string, descriptor: unknown, files: Record<string, string | Uint8Array> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ficus-external-'));
  const dir = join(root, 'wasm-pages/examples', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'wasm-module.json'), JSON.stringify(descriptor));
  for (const [file, contents] of Object.entries(files)) writeFileSync(join(dir, file), contents);
  return { root, dir };
}

/** A command any machine with Node has: copies the folder's page.wasm to {out}. */
const COPY = [process.execPath, '-e', 'require("fs").copyFileSync("page.wasm", process.argv[1])', '{out}'];

async function build(root: string) {
  const lines: string[] = [];
  const manifest = await buildWasmPages({ root, log: (line) => lines.push(line) });
  return { manifest, lines };
}

describe('modules built outside the AssemblyScript build', () => {
  it('lists a prebuilt page in the manifest like any other: kind, content-hashed file, sha256, ABI version', async () => {
    const { root } = scratch(
      'hello-prebuilt',
      { kind: 'page', prebuilt: 'hello.wasm' },
      { 'hello.wasm': OK_PAGE },
    );
    const first = await build(root);
    const entry = first.manifest.modules['hello-prebuilt'];
    expect(entry).toMatchObject({
      kind: 'page',
      size: OK_PAGE.length,
      sha256: sha256(OK_PAGE),
      abiVersion: 1,
    });
    expect(entry?.file).toBe(`hello-prebuilt.${sha256(OK_PAGE).slice(0, 12)}.wasm`);
    expect(new Uint8Array(readFileSync(join(root, 'dist/wasm', entry?.file ?? '')))).toEqual(OK_PAGE);
    expect(first.lines[0]).toMatch(/^wasm {2}hello-prebuilt {2}built in [\d.]+ s/);
    expect((await build(root)).lines[0]).toMatch(/^wasm {2}hello-prebuilt {2}up to date/);
  });

  it('runs the command in the module folder and rebuilds only when a file of the folder changed', async () => {
    const { root, dir } = scratch(
      'copied',
      { kind: 'example', command: COPY, version: [process.execPath, '--version'] },
      { 'page.wasm': OK_PAGE, 'notes.md': 'not an input' },
    );
    const first = await build(root);
    // Examples and fixtures get the prefix of their kind, as the AssemblyScript ones do.
    expect(first.manifest.modules['example-copied']).toMatchObject({
      kind: 'example',
      sha256: sha256(OK_PAGE),
    });
    writeFileSync(join(dir, 'notes.md'), 'still not an input');
    expect((await build(root)).lines[0]).toMatch(/example-copied {2}up to date/);
    writeFileSync(join(dir, 'extra.txt'), 'a new source file');
    expect((await build(root)).lines[0]).toMatch(/example-copied {2}built in/);
  });

  it('skips a module whose toolchain is missing, saying what to install, and lists nothing for it', async () => {
    const { root } = scratch(
      'needs-tools',
      {
        kind: 'page',
        command: COPY,
        requires: [{ path: '/nonexistent/ficus-cc', install: 'apt-get install -y ficus-cc' }],
      },
      { 'page.wasm': OK_PAGE },
    );
    const { manifest, lines } = await build(root);
    expect(lines[0]).toBe(
      'wasm  needs-tools  skipped: /nonexistent/ficus-cc is missing (install it: apt-get install -y ficus-cc)',
    );
    expect(manifest.modules).toEqual({});
  });

  it('fails the build when the command fails, naming the module and showing its output', async () => {
    const { root } = scratch('broken', {
      kind: 'page',
      command: [
        process.execPath,
        '-e',
        'console.error("page.xyz:3: expected a semicolon"); process.exit(2)',
        '{out}',
      ],
    });
    const built = build(root);
    await expect(built).rejects.toBeInstanceOf(WasmBuildError);
    await expect(built).rejects.toThrow(/broken failed to compile:[\s\S]*page\.xyz:3: expected a semicolon/);
  });

  it('refuses a descriptor it cannot use, naming the file and the problem', () => {
    const cases: [unknown, RegExp][] = [
      [{ kind: 'page' }, /give exactly one of "command" .* and "prebuilt"/],
      [{ kind: 'page', command: COPY, prebuilt: 'x.wasm' }, /give exactly one of/],
      [
        { kind: 'page', command: ['cc', '-o', 'page.wasm'] },
        /"command" must name the output file as \{out\}/,
      ],
      [{ kind: 'page', prebuilt: 'absent.wasm' }, /the prebuilt module "absent.wasm" is not in/],
      [{ kind: 'widget', prebuilt: 'x.wasm' }, /\.kind/],
      [{ kind: 'page', command: COPY, lang: 'zig' }, /\.lang: unknown field/],
    ];
    for (const [descriptor, problem] of cases) {
      const { root } = scratch('odd', descriptor);
      expect(() => findExternalModules(root)).toThrow(ExternalModuleError);
      expect(() => findExternalModules(root)).toThrow(problem);
      expect(() => findExternalModules(root)).toThrow('wasm-pages/examples/odd/wasm-module.json');
    }
    const { root } = scratch('Not_A_Route', { kind: 'page', command: COPY });
    expect(() => findExternalModules(root)).toThrow(/folder name "Not_A_Route" is not a module id/);
  });
});
