// Constants declared once (issue 9, item 4): the AssemblyScript SDK's prop codes, ABI numbers and
// API paths are generated from bridge/, and the pages' theme from the React pages' theme, instead
// of being copied by hand. `npm run build:wasm` runs this before it compiles anything.
//
// The generated files are committed, on purpose: a fresh clone's AssemblyScript reads whole (asc,
// editors and anyone reading the SDK see every name without running a build first), and a diff
// of bridge/ shows what it does to the pages in the same commit. The build rewrites them anyway,
// touching a file only when its text changes (so unchanged modules stay "up to date"), and
// tests/unit/wasm-pages/build/generate-constants.test.ts fails while a committed one is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ABI_VERSION,
  ANIMATABLE_PROPS,
  ANIMATE_ALL,
  API_METHODS,
  API_PREFIX,
  animateMask,
  apiPaths,
  BOUNDARY_ALL,
  boundaryMask,
  CONTRACT_VERSION,
  DEFAULT_ANIMATE_DELAY_MS,
  DEFAULT_ANIMATE_DURATION_MS,
  DEFAULT_ANIMATE_EASING,
  DIRECTIONS,
  EMIT_KIND,
  FOCUS_KEY_PATTERN,
  LOG_LEVELS,
  MAX_VALUE_DEPTH,
  NODE_KINDS,
  PageMessageSchema,
  PROPS,
  VALUE_TAG,
} from '../../bridge/index.ts';
import {
  BATCH_MAGIC,
  HEADER_BYTES,
  KIND_CODES,
  OPCODES,
  VALUE_TAGS,
} from '../../bridge/scene-codec/format.ts';
import {
  abiFile,
  directionsFile,
  motionFile,
  sceneFormatFile,
  valueFormatFile,
} from './constants/abi-files.ts';
import { apiPathsFile } from './constants/api-paths-file.ts';
import { propsFile } from './constants/props-file.ts';
import { readTheme, THEME_SOURCE, themeFile } from './constants/theme-file.ts';

/** One generated file: where it goes (relative to the project root) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** Where the SDK's and the pages' generated files live. */
export const SDK_GENERATED_DIR = 'wasm-pages/sdk/generated';
export const PAGES_GENERATED_DIR = 'wasm-pages/pages/shared/generated';

/**
 * Every generated AssemblyScript file, as it should read now. Pure: writes nothing. `root` is
 * where the React theme is read from (bridge/ is imported).
 *
 * @example
 * generatedFiles(process.cwd()).map((file) => file.path);
 * // ["wasm-pages/sdk/generated/props.ts", …, "wasm-pages/pages/shared/generated/theme.ts"]
 */
export function generatedFiles(root: string): GeneratedFile[] {
  const sdk = (name: string, text: string): GeneratedFile => ({ path: `${SDK_GENERATED_DIR}/${name}`, text });
  return [
    sdk(
      'props.ts',
      propsFile({
        props: PROPS,
        nodeKinds: NODE_KINDS,
        kindCodes: KIND_CODES,
        focusKeyPattern: FOCUS_KEY_PATTERN,
      }),
    ),
    sdk(
      'scene-format.ts',
      sceneFormatFile({
        batchMagic: BATCH_MAGIC,
        headerBytes: HEADER_BYTES,
        contractVersion: CONTRACT_VERSION,
        opcodes: OPCODES,
        valueTags: VALUE_TAGS,
      }),
    ),
    sdk('value-format.ts', valueFormatFile({ valueTag: VALUE_TAG, maxDepth: MAX_VALUE_DEPTH })),
    sdk('directions.ts', directionsFile({ directions: DIRECTIONS, boundaryMask, boundaryAll: BOUNDARY_ALL })),
    sdk(
      'motion.ts',
      motionFile({
        animatable: ANIMATABLE_PROPS,
        animateMask,
        animateAll: ANIMATE_ALL,
        defaults: {
          durationMs: DEFAULT_ANIMATE_DURATION_MS,
          easing: DEFAULT_ANIMATE_EASING,
          delayMs: DEFAULT_ANIMATE_DELAY_MS,
        },
      }),
    ),
    sdk(
      'abi.ts',
      abiFile({
        abiVersion: ABI_VERSION,
        emitKind: EMIT_KIND,
        logLevels: LOG_LEVELS,
        pageMessageSchema: PageMessageSchema,
        apiMethods: API_METHODS,
        apiPrefix: API_PREFIX,
      }),
    ),
    sdk('api-paths.ts', apiPathsFile(apiPaths)),
    {
      path: `${PAGES_GENERATED_DIR}/theme.ts`,
      text: themeFile(readTheme(readFileSync(join(root, THEME_SOURCE), 'utf8'))),
    },
  ];
}

/** What writeGeneratedConstants did. */
export interface GenerateResult {
  /** Files whose text changed (or that were missing), now rewritten. */
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Writes the generated files under `root`, each only when its text differs from what is there, so
 * an unchanged file keeps its bytes and the modules built from it stay up to date.
 *
 * @example
 * const { written } = writeGeneratedConstants(process.cwd());
 * written; // [] when bridge/ and the React theme did not change
 */
export function writeGeneratedConstants(root: string): GenerateResult {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of generatedFiles(root)) {
    const path = join(root, file.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === file.text) {
      unchanged.push(file.path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    written.push(file.path);
  }
  return { written, unchanged };
}
