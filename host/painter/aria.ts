import type { NodeKind, Role, SceneProps } from '../../bridge/index.ts';

/**
 * The ARIA role the painter writes for a scene `role`, or null for none. `text` gets none: a text
 * node is painted as its characters, which a reader reads as they are (ARIA has no `text` role).
 */
export const ARIA_ROLES: Readonly<Record<Role, string | null>> = {
  button: 'button',
  heading: 'heading',
  text: null,
  image: 'img',
  list: 'list',
  listitem: 'listitem',
  dialog: 'dialog',
  group: 'group',
};

/** Every attribute {@link ariaAttributes} may set; the painter removes the ones it no longer wants. */
export const ARIA_ATTRIBUTES = ['role', 'aria-label', 'aria-description', 'tabindex', 'alt'] as const;
export type AriaAttribute = (typeof ARIA_ATTRIBUTES)[number];

/**
 * The accessibility attributes a node's props ask for. Pure, so it is testable without a DOM.
 * A node with a `focusKey` gets `tabindex="-1"`: focusable by script (the painter moves DOM focus
 * with the focus ring, so a screen reader follows it) but never by the Tab key, which the remote
 * does not have. An image's `alt` is its label, or empty (decorative) without one.
 *
 * @example
 * ariaAttributes('view', { role: 'button', label: 'Play', focusKey: 'play' });
 * // { role: 'button', 'aria-label': 'Play', tabindex: '-1' }
 */
export function ariaAttributes(
  kind: NodeKind,
  props: Readonly<Partial<SceneProps>>,
): Partial<Record<AriaAttribute, string>> {
  const attributes: Partial<Record<AriaAttribute, string>> = {};
  const role = props.role === undefined ? null : ARIA_ROLES[props.role];
  if (role !== null) attributes.role = role;
  if (props.label !== undefined) attributes['aria-label'] = props.label;
  if (props.description !== undefined) attributes['aria-description'] = props.description;
  if (props.focusKey !== undefined) attributes.tabindex = '-1';
  if (kind === 'image') attributes.alt = props.label ?? '';
  return attributes;
}

/**
 * What a reader should say for a node: its label, else (for a text node) its text, else nothing.
 *
 * @example
 * spokenName({ label: 'Play' }); // 'Play'
 * spokenName({ text: 'Settings' }); // 'Settings'
 */
export function spokenName(props: Readonly<Partial<SceneProps>>): string | undefined {
  const name = props.label ?? props.text;
  return name === undefined || name.trim() === '' ? undefined : name;
}
