// Hand-assembled WebAssembly modules for the cases no AssemblyScript fixture can produce: a
// forbidden import, or a page that imports no WASI at all.

const leb = (value: number): number[] => {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
};
const name = (text: string): number[] => {
  const bytes = [...new TextEncoder().encode(text)];
  return [...leb(bytes.length), ...bytes];
};
const vector = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, content: number[]): number[] => [id, ...leb(content.length), ...content];

const VOID_TYPE = 0; // () -> ()
const I32_TYPE = 1; // () -> i32
const FUNCTION_EXPORTS = [
  '_initialize',
  'ficus_alloc',
  'ficus_mount',
  'ficus_event',
  'ficus_frame',
  'ficus_unmount',
];

export interface PageModuleSpec {
  /** Function imports, all `() -> ()`. */
  readonly imports: readonly { readonly module: string; readonly name: string }[];
  /** What `ficus_abi_version` returns. */
  readonly abiVersion: number;
}

/**
 * A module with every export of the page ABI whose functions do nothing (and whose
 * `ficus_alloc` returns nothing, so a mount is refused by the ABI check of the input write).
 *
 * @example
 * const bytes = pageModuleBytes({ imports: [{ module: 'env', name: 'abort' }], abiVersion: 1 });
 */
export function pageModuleBytes(spec: PageModuleSpec): Uint8Array {
  const imported = spec.imports.length;
  const types = section(
    1,
    vector([
      [0x60, 0x00, 0x00],
      [0x60, 0x00, 0x01, 0x7f],
    ]),
  );
  const imports = section(
    2,
    vector(spec.imports.map((entry) => [...name(entry.module), ...name(entry.name), 0x00, VOID_TYPE])),
  );
  const functions = section(3, vector([[I32_TYPE], ...FUNCTION_EXPORTS.map(() => [VOID_TYPE])]));
  const memory = section(5, vector([[0x00, 0x01]]));
  const exports = section(
    7,
    vector([
      [...name('memory'), 0x02, 0x00],
      [...name('ficus_abi_version'), 0x00, ...leb(imported)],
      ...FUNCTION_EXPORTS.map((exportName, i) => [...name(exportName), 0x00, ...leb(imported + 1 + i)]),
    ]),
  );
  const versionBody = [0x00, 0x41, ...leb(spec.abiVersion), 0x0b]; // no locals; i32.const v; end
  const emptyBody = [0x00, 0x0b];
  const code = section(
    10,
    vector(
      [versionBody, ...FUNCTION_EXPORTS.map(() => emptyBody)].map((body) => [...leb(body.length), ...body]),
    ),
  );
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...types,
    ...imports,
    ...functions,
    ...memory,
    ...exports,
    ...code,
  ]);
}
