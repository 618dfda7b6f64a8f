import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_ALL,
  boundaryMask,
  DIRECTIONS,
  decodeSceneBatch,
  decodeValue,
  encodeSceneBatch,
  encodeValue,
  PAGE_EXPORTS,
  PROPS,
  type SceneOp,
} from '../../../bridge/index.ts';
import { DEFAULT_IMAGE_SOURCES } from '../../../host/painter/safe-image-url.ts';

// wasm-pages/ABI.md is the contract a page in any language is written from, so what it states in
// bytes and tables is read from the document here and checked against the code that implements
// it: the test vectors of section 10 against bridge/value-codec and bridge/scene-codec, and the
// tables of sections 2 and 5 against bridge/wasm-abi.ts, bridge/props.ts, bridge/directions.ts and
// the painter's image sources. A change to either side that the other does not follow fails here.

const ABI = readFileSync(new URL('../../../wasm-pages/ABI.md', import.meta.url), 'utf8');

/** The text of section `n` of ABI.md (from its `## n.` heading to the next `## `). */
function section(n: number): string {
  const start = ABI.indexOf(`\n## ${n}. `);
  if (start === -1) throw new Error(`ABI.md has no section ${n}`);
  const end = ABI.indexOf('\n## ', start + 1);
  return ABI.slice(start, end === -1 ? undefined : end);
}

/** The rows of the first markdown table after `heading` (a header row starting with it), as cells. */
function tableAfter(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  if (at === -1) throw new Error(`no table with header "| ${header} |"`);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

interface Vector {
  readonly kind: 'value' | 'batch';
  readonly readOnly: boolean;
  readonly bytes: Uint8Array;
  /** What the bytes decode to, or null when they are refused. */
  readonly meaning: unknown;
  readonly refusal: string | null;
  /** The block as written, for failure messages. */
  readonly source: string;
}

const BYTES_LINE = /^((?:[0-9a-f]{2} )*[0-9a-f]{2})(?: {2,}\S.*)?$/;

function parseVectors(text: string): Vector[] {
  const vectors: Vector[] = [];
  for (const match of text.matchAll(/```hex (value|batch)( read-only)?\n([\s\S]*?)\n```/g)) {
    const [source, kind, readOnly, body = ''] = match;
    const lines = body.split('\n');
    const end = lines.findIndex((line) => line.startsWith('=') || line.startsWith('!'));
    if (end === -1) throw new Error(`a vector without "=" or "!" line:\n${source}`);
    const bytes: number[] = [];
    for (const line of lines.slice(0, end)) {
      const parsed = BYTES_LINE.exec(line);
      if (parsed === null) throw new Error(`not a line of hex bytes: "${line}" in\n${source}`);
      bytes.push(...(parsed[1] ?? '').split(' ').map((pair) => Number.parseInt(pair, 16)));
    }
    const rest = lines.slice(end).join('\n');
    const refused = rest.startsWith('!');
    vectors.push({
      kind: kind as 'value' | 'batch',
      readOnly: readOnly !== undefined,
      bytes: new Uint8Array(bytes),
      meaning: refused ? null : JSON.parse(rest.slice(1)),
      refusal: refused ? rest.slice(1).trim() : null,
      source,
    });
  }
  return vectors;
}

const vectors = parseVectors(section(10));
const hex = (bytes: Uint8Array): string =>
  [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');

describe('ABI.md section 10: test vectors', () => {
  it('has value and batch vectors, accepted and refused, read-only and canonical', () => {
    const count = (test: (v: Vector) => boolean) => vectors.filter(test).length;
    expect(count((v) => v.kind === 'value' && v.refusal === null)).toBeGreaterThanOrEqual(4);
    expect(count((v) => v.kind === 'value' && v.refusal !== null)).toBeGreaterThanOrEqual(2);
    expect(count((v) => v.kind === 'batch' && v.refusal === null && !v.readOnly)).toBeGreaterThanOrEqual(3);
    expect(count((v) => v.kind === 'batch' && v.readOnly)).toBeGreaterThanOrEqual(1);
    expect(count((v) => v.kind === 'batch' && v.refusal !== null)).toBeGreaterThanOrEqual(3);
  });

  for (const [index, vector] of vectors.entries()) {
    const name = `${vector.kind} vector ${index + 1}: ${
      vector.refusal === null ? JSON.stringify(vector.meaning).slice(0, 60) : `refused (${vector.refusal})`
    }`;
    it(name, () => {
      const decoded = vector.kind === 'value' ? decodeValue(vector.bytes) : decodeSceneBatch(vector.bytes);
      if (vector.refusal !== null) {
        expect(decoded.ok, vector.source).toBe(false);
        if (!decoded.ok) expect(decoded.error.message).toContain(vector.refusal);
        return;
      }
      if (!decoded.ok) throw new Error(`${decoded.error.message}\n${vector.source}`);
      expect('value' in decoded ? decoded.value : decoded.ops).toEqual(vector.meaning);
      if (vector.readOnly) {
        // Accepted input that the host's own encoder writes differently: that is what read-only says.
        const encoded =
          vector.kind === 'value'
            ? encodeValue(vector.meaning)
            : encodeSceneBatch(vector.meaning as SceneOp[]);
        expect(hex(encoded)).not.toBe(hex(vector.bytes));
        return;
      }
      const encoded =
        vector.kind === 'value' ? encodeValue(vector.meaning) : encodeSceneBatch(vector.meaning as SceneOp[]);
      expect(hex(encoded)).toBe(hex(vector.bytes));
    });
  }
});

describe('ABI.md tables and rules, against the code', () => {
  it('section 2 lists every export the host requires, _initialize included', () => {
    const listed = tableAfter(section(2), 'export').map(([cell = '']) => cell.replaceAll('`', ''));
    const required = Object.values(PAGE_EXPORTS).filter((name) => name !== PAGE_EXPORTS.memory);
    expect(listed.sort()).toEqual([...required].sort());
  });

  it('section 5 lists every prop with its code and node kinds', () => {
    const rows = tableAfter(section(5), 'code').map(([code = '', prop = '', kinds = '']) => ({
      code: Number(code),
      prop: prop.replaceAll('`', ''),
      kinds: kinds.split(', '),
    }));
    expect(rows).toEqual(
      Object.entries(PROPS).map(([prop, spec]) => ({ code: spec.code, prop, kinds: [...spec.kinds] })),
    );
  });

  it('section 5 states the boundary bits of bridge/directions.ts', () => {
    const text = section(5);
    for (const direction of DIRECTIONS)
      expect(text).toContain(`${direction} \`${boundaryMask([direction])}\``);
    expect(boundaryMask(['left', 'right'])).toBe(12);
    expect(text).toContain(`integer 0 to ${BOUNDARY_ALL}`);
  });

  it('section 5 names exactly the image sources the painter allows by default', () => {
    const text = section(5).replaceAll('\n', ' ');
    const images = text.slice(text.indexOf('**Images**'), text.indexOf('(`host/painter/safe-image-url.ts`'));
    // Schemes as `https:`, data URLs by their media types (`image/png`), after "a `data:` URL of type".
    const named = [...images.matchAll(/`([a-z]+:|image\/[a-z+]+)`/g)]
      .map(([, source = '']) => (source.startsWith('image/') ? `data:${source}` : source))
      .filter((source) => source !== 'data:');
    expect(named.sort()).toEqual([...DEFAULT_IMAGE_SOURCES].sort());
  });

  it('section 4: a value may sit inside 32 arrays, not 33', () => {
    const nested = (depth: number): unknown => (depth === 0 ? null : [nested(depth - 1)]);
    // Built by hand: the encoder refuses what the decoder refuses.
    const bytes = (depth: number) =>
      new Uint8Array([...Array.from({ length: depth }, () => [0x05, 1, 0, 0, 0]).flat(), 0x00]);
    const ok = decodeValue(bytes(32));
    expect(ok.ok && ok.value).toEqual(nested(32));
    const refused = decodeValue(bytes(33));
    expect(refused.ok).toBe(false);
    expect(section(4)).toContain('at most 32 arrays or objects');
  });
});
