import type { NodeKind, SceneProps } from '../../bridge/index.ts';

/**
 * Every CSS property a node's props can drive. The painter diffs exactly these on each update,
 * so a prop that is cleared resets its property instead of leaving the old value behind.
 */
export const NODE_STYLE_PROPERTIES = [
  'left',
  'top',
  'width',
  'height',
  'background-color',
  'opacity',
  'z-index',
  'overflow',
  'border-radius',
  'border-style',
  'border-width',
  'border-color',
  'color',
  'font-size',
  'font-weight',
  'text-align',
  'white-space',
  'text-overflow',
  'display',
  '-webkit-box-orient',
  '-webkit-line-clamp',
  'object-fit',
  'translate',
  'scale',
  'will-change',
] as const;

export type NodeStyleProperty = (typeof NODE_STYLE_PROPERTIES)[number];

/** CSS property → value; a property that is absent must be unset on the element. */
export type NodeStyle = Partial<Record<NodeStyleProperty, string>>;

/**
 * Set once when a node's element is created and never changed: the scene has explicit
 * coordinates, so nothing may take part in CSS flow layout, and borders are drawn inside the box.
 */
export const FIXED_NODE_STYLE: Readonly<Record<string, string>> = {
  position: 'absolute',
  'box-sizing': 'border-box',
  margin: '0',
  padding: '0',
};

const px = (value: number): string => `${value}px`;

export interface NodeStyleOptions {
  /**
   * The node is a container that moves (a rail scrolling, a list paging): it is placed with a
   * transform on a layer of its own, so moving it is the compositor's job (no layout, no paint,
   * no re-raster of what it holds) instead of re-painting the one big layer everything shares.
   */
  readonly moves?: boolean;
  /**
   * The node animates its position (`animate` has x or y): placed by `translate`, the property its
   * animation runs on, so the compositor can move it.
   */
  readonly translated?: boolean;
}

/**
 * The style a node's props ask for. Pure, so it is testable without a DOM and covers declarations
 * (like `-webkit-line-clamp`) that test DOMs drop.
 *
 * Absent x/y mean 0 (parent-relative origin). A container that `moves`, and a node that animates
 * its position, is placed by `translate`; `scale` scales about the center. Absent width/height are left to CSS (`auto`): a view
 * then takes no area, a text sizes to its text and an image to its intrinsic size.
 *
 * @example
 * nodeStyle('text', { x: 10, text: 'Hi', maxLines: 1 });
 * // { left: '10px', top: '0px', overflow: 'hidden', 'white-space': 'nowrap', 'text-overflow': 'ellipsis' }
 */
export function nodeStyle(
  kind: NodeKind,
  props: Readonly<Partial<SceneProps>>,
  options: NodeStyleOptions = {},
): NodeStyle {
  const style: NodeStyle =
    options.moves === true || options.translated === true
      ? { left: '0px', top: '0px', translate: `${px(props.x ?? 0)} ${px(props.y ?? 0)}` }
      : { left: px(props.x ?? 0), top: px(props.y ?? 0) };
  if (options.moves === true) style['will-change'] = 'transform';
  if (props.scale !== undefined) style.scale = String(props.scale);
  if (props.width !== undefined) style.width = px(props.width);
  if (props.height !== undefined) style.height = px(props.height);
  if (props.backgroundColor !== undefined) style['background-color'] = props.backgroundColor;
  if (props.opacity !== undefined) style.opacity = String(props.opacity);
  if (props.zIndex !== undefined) style['z-index'] = String(props.zIndex);
  if (props.clip === true) style.overflow = 'hidden';
  if (props.borderRadius !== undefined) style['border-radius'] = px(props.borderRadius);
  if (props.borderWidth !== undefined) {
    style['border-style'] = 'solid';
    style['border-width'] = px(props.borderWidth);
  }
  if (props.borderColor !== undefined) style['border-color'] = props.borderColor;
  if (kind === 'text') Object.assign(style, textStyle(props));
  if (kind === 'image' && props.fit !== undefined) style['object-fit'] = props.fit;
  // Last, so it wins over the -webkit-box a clamped text asks for.
  if (props.visible === false) style.display = 'none';
  return style;
}

function textStyle(props: Readonly<Partial<SceneProps>>): NodeStyle {
  const style: NodeStyle = {};
  if (props.color !== undefined) style.color = props.color;
  if (props.fontSize !== undefined) style['font-size'] = px(props.fontSize);
  if (props.fontWeight !== undefined) style['font-weight'] = props.fontWeight;
  if (props.textAlign !== undefined) style['text-align'] = props.textAlign;
  if (props.maxLines === 1) {
    // One line: the standard, widely supported way, which needs no -webkit-box.
    style.overflow = 'hidden';
    style['white-space'] = 'nowrap';
    style['text-overflow'] = 'ellipsis';
  } else if (props.maxLines !== undefined) {
    // Several lines: line-clamp only works on a -webkit-box, which every TV browser engine supports.
    style.overflow = 'hidden';
    style['text-overflow'] = 'ellipsis';
    style.display = '-webkit-box';
    style['-webkit-box-orient'] = 'vertical';
    style['-webkit-line-clamp'] = String(props.maxLines);
  }
  return style;
}
