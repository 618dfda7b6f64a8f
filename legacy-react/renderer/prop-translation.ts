import {
  ANIMATABLE_PROPS,
  ANIMATE_ALL,
  type AnimatableProp,
  animateMask,
  BOUNDARY_ALL,
  boundaryMask,
  DIRECTIONS,
  type Direction,
  type NodeKind,
  PROPS,
  type PropName,
  type PropValue,
  propAppliesTo,
} from '../../bridge/index.ts';
import { COMPONENT_NAMES, type FocusHandlers, type HostType } from './primitive-props.ts';

export const KIND_OF: Readonly<Record<HostType, NodeKind>> = {
  'ficus-view': 'view',
  'ficus-text': 'text',
  'ficus-image': 'image',
};

const HANDLER_NAMES = ['onFocus', 'onBlur', 'onSelect', 'onArrow'] as const;
/** Props React itself consumes, or that are ours but not scene props. */
const REACT_PROPS = new Set(['children', 'key', 'ref']);

export type SceneValues = Partial<Record<PropName, PropValue>>;

/** Raised for a primitive used the wrong way; the message says how to fix it. */
export class PrimitiveUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrimitiveUsageError';
  }
}

function describeElement(type: HostType, props: Readonly<Record<string, unknown>>): string {
  const key = props['focusKey'];
  return typeof key === 'string'
    ? `<${COMPONENT_NAMES[type]} focusKey="${key}">`
    : `<${COMPONENT_NAMES[type]}>`;
}

function acceptedProps(kind: NodeKind): string[] {
  const scene = (Object.keys(PROPS) as PropName[]).filter(
    (name) => propAppliesTo(name, kind) && name !== 'text',
  );
  return [
    ...scene,
    ...HANDLER_NAMES,
    ...(kind === 'text' ? ['children'] : kind === 'view' ? ['children'] : []),
  ];
}

/** A close known name for a misspelt prop, e.g. `backgroundcolor` → `backgroundColor`. */
function suggest(name: string, candidates: readonly string[]): string | undefined {
  const hints: Readonly<Record<string, string>> = {
    onClick: 'onSelect',
    onPress: 'onSelect',
    style: 'the individual props (x, y, width, backgroundColor, ...)',
    className: 'the individual props (x, y, width, backgroundColor, ...)',
    left: 'x',
    top: 'y',
    source: 'src',
  };
  const hint = hints[name];
  if (hint !== undefined) return hint;
  const lower = name.toLowerCase();
  return candidates.find((candidate) => candidate.toLowerCase() === lower);
}

/** A prop React takes as a list of names (or 'all') and the scene as a bit mask: boundary, animate. */
interface MaskProp<Name extends string> {
  readonly prop: 'boundary' | 'animate';
  readonly names: readonly Name[];
  readonly all: number;
  readonly mask: (names: readonly Name[]) => number;
  readonly example: string;
}

const BOUNDARY_PROP: MaskProp<Direction> = {
  prop: 'boundary',
  names: DIRECTIONS,
  all: BOUNDARY_ALL,
  mask: boundaryMask,
  example: "boundary={['left', 'right']}",
};

const ANIMATE_PROP: MaskProp<AnimatableProp> = {
  prop: 'animate',
  names: ANIMATABLE_PROPS,
  all: ANIMATE_ALL,
  mask: animateMask,
  example: "animate={['x', 'scale']}",
};

function maskValue<Name extends string>(
  spec: MaskProp<Name>,
  type: HostType,
  props: Readonly<Record<string, unknown>>,
  value: unknown,
): number {
  if (value === 'all') return spec.all;
  if (Array.isArray(value) && value.every((n): n is Name => (spec.names as readonly unknown[]).includes(n)))
    return spec.mask(value);
  throw new PrimitiveUsageError(
    `Invalid ${spec.prop} on ${describeElement(type, props)}: expected 'all' or a list of ${spec.names.join(', ')}, e.g. ${spec.example}`,
  );
}

/** The text a <Text> shows, from its string/number children. */
function textOf(type: HostType, props: Readonly<Record<string, unknown>>): string | undefined {
  const children = props['children'];
  if (children === undefined || children === null || typeof children === 'boolean') return undefined;
  if (typeof children === 'string' || typeof children === 'number') return String(children);
  if (Array.isArray(children)) {
    let text = '';
    for (const child of children) {
      if (typeof child === 'string' || typeof child === 'number') text += String(child);
      else if (child !== null && child !== undefined && typeof child !== 'boolean') {
        throw new PrimitiveUsageError(
          `${describeElement(type, props)} can only contain text: render other elements next to it inside a <View>, not inside the <Text>`,
        );
      }
    }
    return text;
  }
  throw new PrimitiveUsageError(
    `${describeElement(type, props)} can only contain text: render other elements next to it inside a <View>, not inside the <Text>`,
  );
}

/**
 * Turns a primitive's React props into scene prop values, validated against the bridge's prop
 * schemas, so a mistake is reported at the component that made it rather than later by the host.
 */
export function toSceneValues(type: HostType, props: Readonly<Record<string, unknown>>): SceneValues {
  const kind = KIND_OF[type];
  const values: SceneValues = {};
  for (const [name, value] of Object.entries(props)) {
    if (REACT_PROPS.has(name) || (HANDLER_NAMES as readonly string[]).includes(name) || value === undefined)
      continue;
    if (name === 'boundary') {
      values.boundary = maskValue(BOUNDARY_PROP, type, props, value);
      continue;
    }
    if (name === 'animate') {
      values.animate = maskValue(ANIMATE_PROP, type, props, value);
      continue;
    }
    if (name === 'text' || !Object.hasOwn(PROPS, name) || !propAppliesTo(name as PropName, kind)) {
      const accepted = acceptedProps(kind);
      const hint = name === 'text' ? 'children, e.g. <Text>Hello</Text>' : suggest(name, accepted);
      throw new PrimitiveUsageError(
        `Unknown prop "${name}" on ${describeElement(type, props)}.${hint === undefined ? '' : ` Did you mean ${hint}?`} ${COMPONENT_NAMES[type]} accepts: ${accepted.join(', ')}.`,
      );
    }
    const prop = name as PropName;
    const checked = PROPS[prop].schema.check(value);
    if (!checked.ok) {
      throw new PrimitiveUsageError(
        `Invalid ${prop} on ${describeElement(type, props)}: ${checked.issue.message}`,
      );
    }
    values[prop] = checked.value as PropValue;
  }
  if (kind === 'text') {
    const text = textOf(type, props);
    if (text !== undefined) values.text = text;
  } else if (kind === 'image' && props['children'] !== undefined && props['children'] !== null) {
    throw new PrimitiveUsageError(
      `${describeElement(type, props)} cannot have children: put the image and its overlay inside a <View>`,
    );
  }
  return values;
}

/** The setProp values that turn `before` into `after` (null clears a prop that is gone). */
export function diffSceneValues(
  before: SceneValues,
  after: SceneValues,
): Array<[PropName, PropValue | null]> {
  const changes: Array<[PropName, PropValue | null]> = [];
  for (const name of Object.keys(before) as PropName[]) if (!(name in after)) changes.push([name, null]);
  for (const [name, value] of Object.entries(after) as Array<[PropName, PropValue]>) {
    if (before[name] !== value) changes.push([name, value]);
  }
  return changes;
}

export function handlersOf(props: Readonly<Record<string, unknown>>): FocusHandlers {
  const handlers: { -readonly [K in keyof FocusHandlers]: FocusHandlers[K] } = {};
  for (const name of HANDLER_NAMES) {
    const handler = props[name];
    // Which handler takes which arguments is fixed by FocusHandlers; props are untyped here.
    if (typeof handler === 'function') (handlers as Record<string, unknown>)[name] = handler;
  }
  return handlers;
}
