import { type Direction, decodeSceneBatch, encodeSceneBatch, type SceneOp } from '../../bridge/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import { DomPainter } from '../painter/dom-painter.ts';
import { SceneStore } from '../scene/scene-store.ts';
import { CatalogScene } from './catalog-scene.ts';

const WORLD = 'wasm';
const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

const container = document.getElementById('app');
if (container === null) throw new Error('playground: index.html must contain <div id="app">');

const store = new SceneStore();
const painter = new DomPainter(container, store, { visibleWorld: WORLD });
const focus = new FocusEngine(store, WORLD);
const page = new CatalogScene();

/** Sends ops the way a worker world does: one encoded batch, decoded and validated on arrival. */
function deliver(ops: readonly SceneOp[]): void {
  const decoded = decodeSceneBatch(encodeSceneBatch(ops));
  if (!decoded.ok) throw new Error(`playground produced a bad batch: ${decoded.error.message}`);
  const applied = store.apply(WORLD, decoded.ops);
  if (!applied.ok) throw applied.error;
}

const queued: SceneOp[] = [];
focus.onChange((event) => {
  queued.push(...page.onFocusChange(event));
  painter.setFocused(WORLD, event.type === 'focus' ? event.nodeId : null);
});

// One batch per frame, applied and painted together, as the host's frame loop will do.
function frame(): void {
  if (queued.length > 0) deliver(queued.splice(0));
  painter.paint();
  requestAnimationFrame(frame);
}

deliver(page.initialOps);
focus.focusInitial();
window.addEventListener('keydown', (event) => {
  const direction = ARROWS[event.key];
  if (direction === undefined) return;
  event.preventDefault();
  focus.move(direction, { repeat: event.repeat });
});
requestAnimationFrame(frame);
