import { describeOp, type SceneOp, SceneOpShapeSchema, type WorldId } from '../../bridge/index.ts';

export type SceneOpErrorCode =
  | 'invalid-op'
  | 'unknown-node'
  | 'foreign-node'
  | 'duplicate-id'
  | 'cycle'
  | 'not-a-child'
  | 'not-a-container'
  | 'root-is-fixed'
  | 'prop-not-for-kind';

/**
 * Why the store rejected a batch. The whole batch was rolled back, so the world's scene is
 * exactly as it was before; the message names the world, the op and the reason.
 */
export class SceneOpError extends Error {
  readonly world: WorldId;
  readonly opIndex: number;
  readonly op: unknown;
  readonly code: SceneOpErrorCode;
  readonly reason: string;

  constructor(world: WorldId, opIndex: number, op: unknown, code: SceneOpErrorCode, reason: string) {
    super(`world "${world}" rejected a batch at op #${opIndex} ${describeUnknownOp(op)}: ${reason}`);
    this.name = 'SceneOpError';
    this.world = world;
    this.opIndex = opIndex;
    this.op = op;
    this.code = code;
    this.reason = reason;
  }
}

function describeUnknownOp(op: unknown): string {
  const checked = SceneOpShapeSchema.check(op);
  if (checked.ok) return describeOp(checked.value as SceneOp);
  const name = typeof op === 'object' && op !== null ? (op as { op?: unknown }).op : undefined;
  return typeof name === 'string' && name.length <= 40
    ? `(malformed ${JSON.stringify(name)} op)`
    : '(malformed op)';
}
