import type { DevtoolsSection } from './devtools-session.ts';

/** The overlay's look, set through the CSSOM (the app's CSP allows no inline styles). */
const PANEL_STYLE: Readonly<Record<string, string>> = {
  position: 'fixed',
  top: '0',
  right: '0',
  width: 'min(46vw, 720px)',
  'max-height': '100vh',
  overflow: 'hidden',
  'box-sizing': 'border-box',
  padding: '8px 10px',
  background: 'rgba(8, 12, 20, 0.86)',
  color: '#e6edf3',
  font: '12px/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  'white-space': 'pre-wrap',
  'word-break': 'break-all',
  // Above the stage, and never a target: the remote's keys and the pointer go to the app.
  'z-index': '2147483647',
  'pointer-events': 'none',
  'user-select': 'none',
};
const TITLE_STYLE: Readonly<Record<string, string>> = {
  margin: '6px 0 2px',
  'font-size': '12px',
  'font-weight': 'bold',
  color: '#7ee787',
};

function styled<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  style: Readonly<Record<string, string>>,
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(style)) element.style.setProperty(name, value);
  return element;
}

/**
 * The devtools panel: host UI, outside both worlds. A fixed element of its own on `document.body`,
 * above the stage: never in the scene store, never drawn into the stage, never focusable and never a
 * pointer target, so the viewer's focus and input stay with the page. Text only (`textContent`).
 *
 * Test hooks: the panel is `[data-ficus-devtools]` (`data-open` when shown), each block
 * `[data-devtools-section="page|history|focus|timing|bus"]`, each line `[data-devtools-row=<name>]`.
 *
 * @example
 * const overlay = new DevtoolsOverlay(document);
 * overlay.show();
 * overlay.render(session.sections());
 */
export class DevtoolsOverlay {
  readonly element: HTMLElement;
  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
    this.element = styled(doc, 'aside', PANEL_STYLE);
    this.element.setAttribute('data-ficus-devtools', '');
    // Developer UI: screen readers keep to the app.
    this.element.setAttribute('aria-hidden', 'true');
    this.element.hidden = true;
  }

  get shown(): boolean {
    return !this.element.hidden;
  }

  show(): void {
    if (!this.element.isConnected) this.#doc.body.append(this.element);
    this.element.hidden = false;
    this.element.setAttribute('data-open', '');
  }

  hide(): void {
    this.element.hidden = true;
    this.element.removeAttribute('data-open');
  }

  /** Replaces the panel's content with `sections`. */
  render(sections: readonly DevtoolsSection[]): void {
    const doc = this.#doc;
    const blocks = sections.map((section) => {
      const block = doc.createElement('section');
      block.setAttribute('data-devtools-section', section.id);
      const title = styled(doc, 'h2', TITLE_STYLE);
      title.textContent = section.title;
      block.append(title);
      for (const row of section.rows) {
        const line = doc.createElement('div');
        line.setAttribute('data-devtools-row', row.name);
        line.textContent = row.item === true ? row.value : `${row.name}: ${row.value}`;
        block.append(line);
      }
      return block;
    });
    const hint = doc.createElement('div');
    hint.textContent = 'devtools · ` or the blue key closes';
    this.element.replaceChildren(hint, ...blocks);
  }

  /** Takes the panel out of the document. */
  remove(): void {
    this.element.remove();
  }
}
