/** The default focus ring, in stage pixels (it scales with the stage like everything else). */
export const FOCUS_RING_CSS = '[data-ficus-focused]{outline: 4px solid #ffffff; outline-offset: 2px}';

const MARKER = 'data-ficus-focus-ring';
const holders = new WeakMap<Document, number>();

/**
 * Adds the focus-ring stylesheet to the document's head once, however many painters share the
 * document, and returns a release function; the last release removes it again.
 */
export function retainFocusRing(doc: Document): () => void {
  const count = holders.get(doc) ?? 0;
  if (count === 0 && doc.querySelector(`style[${MARKER}]`) === null) {
    const style = doc.createElement('style');
    style.setAttribute(MARKER, '');
    style.textContent = FOCUS_RING_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  holders.set(doc, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holders.get(doc) ?? 1) - 1;
    holders.set(doc, left);
    if (left === 0) doc.querySelector(`style[${MARKER}]`)?.remove();
  };
}
