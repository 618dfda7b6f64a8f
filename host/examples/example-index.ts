import type { ExampleEntry } from './example-catalog.ts';

const WORLD_TITLES = {
  legacy: 'React world: primitives and hooks',
  wasm: 'WASM world: one example per SDK feature',
} as const;

/**
 * Writes the example browser's index into `document`: every example of both worlds, grouped by
 * world, each a link that opens it in the real host. Text only (textContent), no HTML from data.
 *
 * @example
 * renderExampleIndex(document, exampleCatalog(sources));
 */
export function renderExampleIndex(document: Document, examples: readonly ExampleEntry[]): void {
  document.title = 'Ficus examples';
  document.body.className = 'ficus-examples';
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = `Ficus examples (${examples.length})`;
  const intro = document.createElement('p');
  intro.textContent =
    'Each opens in the real host with the mock backend: arrows move, Enter selects, Escape goes back. Append ?fail=<endpoint>:500 to see error states.';
  main.append(heading, intro);
  for (const world of ['legacy', 'wasm'] as const) {
    const section = document.createElement('section');
    section.dataset['world'] = world;
    const title = document.createElement('h2');
    title.textContent = WORLD_TITLES[world];
    const list = document.createElement('ul');
    for (const example of examples.filter((entry) => entry.world === world)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = example.href;
      link.textContent = example.id;
      link.dataset['example'] = example.id;
      item.append(link, document.createTextNode(` — ${example.title}`));
      list.append(item);
    }
    section.append(title, list);
    main.append(section);
  }
  document.getElementById('app')?.remove();
  document.body.append(main);
}
