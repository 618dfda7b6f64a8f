import type { SceneOp } from '../scene-ops.ts';

declare const checkedBrand: unique symbol;

/**
 * Scene ops that passed `SceneOpSchema` where they entered (the batch decoder): their type says
 * so, and so does a registry only this module writes, so a cast cannot forge the mark and the
 * scene store checks them against the tree only, not for their shape again.
 *
 * @example
 * const decoded = decodeSceneBatch(bytes);
 * if (decoded.ok) isCheckedOps(decoded.ops); // true: store.apply('wasm', decoded.ops) skips the shape check
 */
export type CheckedSceneOps = readonly SceneOp[] & { readonly [checkedBrand]: true };

const checked = new WeakSet<readonly SceneOp[]>();

/**
 * Marks ops the caller has just validated one by one against `SceneOpSchema`; only validators call
 * it. The array is frozen, so nothing can be added to it after the check.
 */
export function markCheckedOps(ops: readonly SceneOp[]): CheckedSceneOps {
  checked.add(Object.freeze(ops));
  return ops as CheckedSceneOps;
}

/** Whether `ops` is an array a validator marked (never true for a copy or an array built elsewhere). */
export function isCheckedOps(ops: readonly unknown[]): ops is CheckedSceneOps {
  return checked.has(ops as readonly SceneOp[]);
}
