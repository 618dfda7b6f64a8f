import {
  type AbiVersion,
  decodeSceneBatch,
  decodeValue,
  describeIssue,
  EMIT_KIND,
  type PageMessage,
  pageMessageSchema,
  propSince,
  type SceneOp,
} from '../../bridge/index.ts';
import type { PageIds } from './page-ids.ts';
import { findForeignId } from './scene-id-guard.ts';

/** A scene batch a page emitted: its original bytes (sent on untouched) and their decoded ops. */
export interface PageBatch {
  readonly bytes: Uint8Array;
  readonly ops: readonly SceneOp[];
}

export type EmitContent =
  | { readonly kind: 'batch'; readonly batch: PageBatch }
  | { readonly kind: 'message'; readonly message: PageMessage }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Makes sense of one `ficus.emit(kind, ptr, len)` (ABI.md section 3), given bytes already copied
 * out of the page's memory: a scene batch that decodes and touches only the page's own nodes, or
 * a message that decodes and is one of ABI.md section 7 in the ABI version the page declared
 * (`abiVersion`: a v1 page's data request has no method). Anything else is refused with a reason
 * naming the page and the problem; the caller turns that into a crash of the page.
 *
 * @example
 * const content = readEmit('profiles', ids, 1, bytes, 2);
 * if (content.kind === 'refused') crash(content.reason);
 */
export function readEmit(
  page: string,
  ids: PageIds,
  kind: number,
  bytes: Uint8Array,
  abiVersion: AbiVersion,
): EmitContent {
  if (kind === EMIT_KIND.sceneBatch) {
    const decoded = decodeSceneBatch(bytes);
    if (!decoded.ok) {
      return {
        kind: 'refused',
        reason: `page "${page}" emitted a scene batch that does not decode: ${decoded.error.message}`,
      };
    }
    const tooNew = findPropTooNew(decoded.ops, abiVersion);
    if (tooNew !== null) return { kind: 'refused', reason: `page "${page}" ${tooNew}` };
    const foreign = findForeignId(decoded.ops, ids);
    if (foreign !== null) {
      return {
        kind: 'refused',
        reason: `page "${page}" emitted a scene batch the world refuses: ${foreign}`,
      };
    }
    return { kind: 'batch', batch: { bytes, ops: decoded.ops } };
  }
  if (kind === EMIT_KIND.message) {
    const decoded = decodeValue(bytes);
    if (!decoded.ok) {
      return {
        kind: 'refused',
        reason: `page "${page}" emitted a message that does not decode: ${decoded.error.message}`,
      };
    }
    const checked = pageMessageSchema(abiVersion).check(decoded.value);
    if (!checked.ok) {
      const { path } = checked.issue;
      // A write from a module that declared version 1: say which version has them.
      const v2Only =
        abiVersion === 1 && (path === '.method' || path === '.body')
          ? `, which a page of ABI version 1 (what its ficus_abi_version returns) does not send: writes need version 2`
          : '';
      return {
        kind: 'refused',
        reason: `page "${page}" emitted a message the world refuses, ${describeIssue(checked.issue)}${v2Only}: see wasm-pages/ABI.md section 7`,
      };
    }
    return { kind: 'message', message: checked.value };
  }
  return {
    kind: 'refused',
    reason: `page "${page}" called emit with kind ${kind}: only ${EMIT_KIND.sceneBatch} (scene batch) and ${EMIT_KIND.message} (message) exist, see wasm-pages/ABI.md section 3`,
  };
}

/**
 * A prop set by a page declaring an ABI version older than the prop (bridge/props.ts `since`): the
 * module was built for a newer contract than it says, which an older app would refuse outright.
 */
function findPropTooNew(ops: readonly SceneOp[], abiVersion: AbiVersion): string | null {
  for (const [index, op] of ops.entries()) {
    if (op.op !== 'setProp') continue;
    const since = propSince(op.name);
    if (since <= abiVersion) continue;
    return (
      `set ${op.name} (op ${index}, node ${op.id}), a prop of page ABI version ${since}, but its ` +
      `ficus_abi_version returns ${abiVersion}: return ${since} or more (the SDK does), or leave the ` +
      'prop out; see wasm-pages/ABI.md section 5'
    );
  }
  return null;
}
