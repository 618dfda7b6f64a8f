import type { AnimatableProp, Direction, SceneProps } from '../../bridge/index.ts';

/** Handlers a focusable primitive can take; called with the focus key of the node. */
export interface FocusHandlers {
  /** Focus moved onto this node (the host moved it; no round trip was needed). */
  readonly onFocus?: ((focusKey: string) => void) | undefined;
  /** Focus left this node. */
  readonly onBlur?: ((focusKey: string) => void) | undefined;
  /** The viewer pressed OK / Enter while this node was focused. */
  readonly onSelect?: ((focusKey: string) => void) | undefined;
  /**
   * An arrow key pressed while this node was focused moved no focus (nothing that way, or a
   * `boundary` holds it): e.g. seek a progress bar with left/right.
   */
  readonly onArrow?: ((direction: Direction, focusKey: string) => void) | undefined;
}

/** Scene props a primitive takes; `undefined` is allowed and means "not set", as in React DOM. */
type Optional<K extends keyof SceneProps> = { readonly [P in K]?: SceneProps[P] | undefined };

type Common = Optional<
  | 'x'
  | 'y'
  | 'width'
  | 'height'
  | 'backgroundColor'
  | 'opacity'
  | 'visible'
  | 'zIndex'
  | 'clip'
  | 'borderRadius'
  | 'borderColor'
  | 'borderWidth'
  | 'focusKey'
  | 'focusGroup'
  | 'preferredChild'
  | 'role'
  | 'label'
  | 'description'
  | 'scale'
  | 'animateDuration'
  | 'animateEasing'
  | 'animateDelay'
> &
  FocusHandlers & {
    /** Directions in which focus may not leave this node: a list, or 'all'. */
    readonly boundary?: readonly Direction[] | 'all' | undefined;
    /**
     * Prop changes the host animates instead of jumping to (a list of x, y, opacity, scale, or
     * 'all'), timed by animateDuration (ms, default 200), animateEasing (default 'ease-out') and
     * animateDelay (ms, default 0). The host runs them itself; the scene holds the target values.
     *
     * @example
     * <View x={-offset} animate={['x']} animateDuration={250}>{tiles}</View> // the rail glides
     */
    readonly animate?: readonly AnimatableProp[] | 'all' | undefined;
  };

export interface ViewProps extends Common {
  readonly children?: React.ReactNode;
}

export interface TextProps
  extends Common,
    Optional<'color' | 'fontSize' | 'fontWeight' | 'textAlign' | 'maxLines'> {
  /** Only strings and numbers: a text node is a leaf of the scene. */
  readonly children?: string | number | ReadonlyArray<string | number | boolean | null | undefined> | null;
}

export interface ImageProps extends Common, Optional<'src' | 'fit'> {}

/** The host element types our renderer knows; the primitives are these strings at runtime. */
export const HOST_TYPES = { view: 'ficus-view', text: 'ficus-text', image: 'ficus-image' } as const;
export type HostType = (typeof HOST_TYPES)[keyof typeof HOST_TYPES];

/** The name a developer wrote, for error messages: `<View>`, `<Text>`, `<Image>`. */
export const COMPONENT_NAMES: Readonly<Record<HostType, string>> = {
  'ficus-view': 'View',
  'ficus-text': 'Text',
  'ficus-image': 'Image',
};
