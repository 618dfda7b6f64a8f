import { NODE_KINDS, PROP_NAMES, PROPS, type PropName, type PropValue, type SceneProps } from './props.ts';
import {
  array,
  describeValue,
  type Infer,
  literal,
  number,
  object,
  oneOf,
  type Schema,
  taggedUnion,
  type Validation,
} from './schema.ts';

/**
 * Node ids are unsigned 32-bit integers scoped to one world: world "wasm" node 7 and world
 * "legacy" node 7 are different nodes. Id 0 is each world's root, created by the host.
 */
export type NodeId = number;
export const ROOT_NODE_ID: NodeId = 0;
export const MAX_NODE_ID = 0xffff_ffff;
export const NodeIdSchema = number({ integer: true, min: 0, max: MAX_NODE_ID });

/** Sets one prop; `value: null` clears it back to its default. The value type follows the name. */
export type SetPropOp = {
  [K in PropName]: {
    readonly op: 'setProp';
    readonly id: NodeId;
    readonly name: K;
    readonly value: SceneProps[K] | null;
  };
}[PropName];

const anyValue: Schema<unknown> = {
  expected: 'a value',
  check: (input, path = '') =>
    input === undefined
      ? { ok: false, issue: { path, message: `expected a value, got ${describeValue(input)}` } }
      : { ok: true, value: input },
};

const setPropShape = object({
  op: literal('setProp'),
  id: NodeIdSchema,
  name: oneOf(PROP_NAMES),
  value: anyValue,
});

// The value's type depends on the name, which a plain object schema cannot express.
const SetPropOpSchema: Schema<SetPropOp> = {
  expected: 'a setProp op',
  check(input, path = ''): Validation<SetPropOp> {
    const base = setPropShape.check(input, path);
    if (!base.ok) return base;
    const { name, value } = base.value;
    if (value !== null) {
      const checked = PROPS[name].schema.check(value);
      if (!checked.ok) {
        return {
          ok: false,
          issue: { path: `${path}.value`, message: `prop ${name}: ${checked.issue.message}` },
        };
      }
    }
    return { ok: true, value: base.value as SetPropOp };
  },
};

const structuralOps = {
  create: object({ op: literal('create'), id: NodeIdSchema, kind: oneOf(NODE_KINDS) }),
  /** Appends `child` as the last child of `parent`, moving it if it is attached elsewhere. */
  append: object({ op: literal('append'), parent: NodeIdSchema, child: NodeIdSchema }),
  /** Inserts `child` before the sibling `before`, moving it if it is attached elsewhere. */
  insertBefore: object({
    op: literal('insertBefore'),
    parent: NodeIdSchema,
    child: NodeIdSchema,
    before: NodeIdSchema,
  }),
  /** Detaches `id` from its parent (if any) and destroys it and its whole subtree. */
  remove: object({ op: literal('remove'), id: NodeIdSchema }),
};

/** The scene-op vocabulary both worlds speak; the host applies it to the sending world only. */
export const SceneOpSchema = taggedUnion('op', { ...structuralOps, setProp: SetPropOpSchema });

/**
 * Checks an op's shape but not its prop value, so an error about a bad value can still show the
 * op it is about, e.g. `setProp(node 4, opacity, 2)`.
 */
export const SceneOpShapeSchema = taggedUnion('op', { ...structuralOps, setProp: setPropShape });

export type SceneOp = Infer<typeof SceneOpSchema>;
export type SceneOpName = SceneOp['op'];
export type CreateOp = Extract<SceneOp, { op: 'create' }>;
export type AppendOp = Extract<SceneOp, { op: 'append' }>;
export type InsertBeforeOp = Extract<SceneOp, { op: 'insertBefore' }>;
export type RemoveOp = Extract<SceneOp, { op: 'remove' }>;

export const SceneBatchSchema = array(SceneOpSchema);

/** A one-line rendering of an op for error messages and logs, e.g. `setProp(node 4, opacity, 2)`. */
export function describeOp(op: SceneOp): string {
  switch (op.op) {
    case 'create':
      return `create(node ${op.id}, ${op.kind})`;
    case 'setProp':
      return `setProp(node ${op.id}, ${op.name}, ${describeValue(op.value)})`;
    case 'append':
      return `append(parent ${op.parent}, child ${op.child})`;
    case 'insertBefore':
      return `insertBefore(parent ${op.parent}, child ${op.child}, before ${op.before})`;
    case 'remove':
      return `remove(node ${op.id})`;
  }
}

/**
 * A setProp op from a name and a value typed separately (e.g. when iterating over props). The
 * pairing is not checked here: the host validates every op it applies.
 *
 * @example
 * for (const [name, value] of Object.entries(values)) ops.push(setPropOp(id, name, value));
 */
export function setPropOp(id: NodeId, name: PropName, value: PropValue | null): SetPropOp {
  return { op: 'setProp', id, name, value } as SetPropOp;
}
