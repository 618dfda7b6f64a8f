/**
 * A polite live region: text put in it is read by a screen reader once the reader is idle, without
 * moving the reader's focus. The painter says page changes and focus moves through it, for
 * platforms whose reader does not follow DOM focus on its own (and so every reader hears the page's
 * name, which no focus move carries).
 *
 * The element is visually hidden (1×1 px, clipped) with styles set through CSSOM, which the
 * Content-Security-Policy allows (it forbids inline style attributes in markup, not `element.style`).
 *
 * @example
 * const region = new LiveRegion(document, container);
 * region.say('Settings, Back, button'); // a reader says it when idle
 * region.dispose();
 */
export class LiveRegion {
  /** The `role="status"` element, marked `data-ficus-live-region`. */
  readonly element: HTMLElement;

  constructor(doc: Document, parent: HTMLElement) {
    const element = doc.createElement('div');
    element.setAttribute('data-ficus-live-region', '');
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    // The whole text is one announcement, never just the part that changed.
    element.setAttribute('aria-atomic', 'true');
    const hidden: Readonly<Record<string, string>> = {
      position: 'absolute',
      left: '0',
      top: '0',
      width: '1px',
      height: '1px',
      margin: '-1px',
      padding: '0',
      overflow: 'hidden',
      'clip-path': 'inset(50%)',
      'white-space': 'nowrap',
      border: '0',
    };
    for (const [property, value] of Object.entries(hidden)) element.style.setProperty(property, value);
    parent.append(element);
    this.element = element;
  }

  /** The text last said (what the region holds). */
  get text(): string {
    return this.element.textContent ?? '';
  }

  /**
   * Says `text`. The same text twice in a row is said again: it goes in as a new Text node, a
   * change a reader notices even when the words are the same (focus coming back to one button).
   */
  say(text: string): void {
    this.element.replaceChildren(this.element.ownerDocument.createTextNode(text));
  }

  dispose(): void {
    this.element.remove();
  }
}
