import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md's rule, checked on every import: everything points down to bridge/; the
// worlds, the router and the plan never import host/ or each other; bridge/ imports nothing of ours.
const ROOT = resolve(import.meta.dirname, '../../..');
const PARTS = ['bridge', 'host', 'legacy-react', 'wasm-pages', 'router', 'migration-plan'] as const;
type Part = (typeof PARTS)[number];

const ALLOWED: Readonly<Record<Part, readonly Part[]>> = {
  bridge: [],
  'legacy-react': ['bridge'],
  'wasm-pages': ['bridge'],
  router: ['bridge', 'migration-plan'],
  'migration-plan': ['bridge'],
  host: ['bridge', 'legacy-react', 'wasm-pages', 'router', 'migration-plan'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const specifier = match[1] ?? match[2];
    if (specifier !== undefined) found.push(specifier);
  }
  return found;
}

function partOf(path: string): Part | undefined {
  const top = relative(ROOT, path).split(sep)[0];
  return PARTS.find((part) => part === top);
}

describe('dependency rules (ARCHITECTURE.md)', () => {
  for (const part of PARTS) {
    it(`${part}/ imports only ${ALLOWED[part].length === 0 ? 'itself' : ALLOWED[part].join(', ')}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(ROOT, part))) {
        for (const specifier of importsOf(file)) {
          if (!specifier.startsWith('.')) continue;
          // The package manifest is data (a renderer reads its own name and version), not code.
          if (relative(ROOT, resolve(file, '..', specifier)) === 'package.json') continue;
          const target = partOf(resolve(file, '..', specifier));
          if (target === undefined) {
            violations.push(
              `${relative(ROOT, file)} imports ${specifier}, outside the architecture's folders`,
            );
          } else if (target !== part && !ALLOWED[part].includes(target)) {
            violations.push(`${relative(ROOT, file)} imports ${specifier} (${target}/)`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('finds imports at all (the scan is not vacuous)', () => {
    const legacy = sourceFiles(join(ROOT, 'legacy-react')).flatMap(importsOf);
    expect(legacy.some((specifier) => specifier.includes('bridge/'))).toBe(true);
  });
});
