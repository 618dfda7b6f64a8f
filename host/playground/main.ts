import type { SceneOp } from '../../bridge/index.ts';
import { EXAMPLES } from '../../legacy-react/examples/index.ts';
import { LegacyWorld, type LegacyWorldMessage } from '../../legacy-react/index.ts';
import { LEGACY_PAGES } from '../../legacy-react/pages/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import { actionForKey } from '../input/key-map.ts';
import { startBrowserBackend } from '../mock-backend/browser.ts';
import { parseFailureSpec } from '../mock-backend/failure-rules.ts';
import { createMockBackend } from '../mock-backend/mock-backend.ts';
import { DomPainter } from '../painter/dom-painter.ts';
import { SceneStore } from '../scene/scene-store.ts';
import { PlaygroundNavigator } from './playground-navigator.ts';

const WORLD = 'legacy';
const container = document.getElementById('app');
if (container === null) throw new Error('playground: index.html must contain <div id="app">');

const query = new URLSearchParams(location.search);
const example = query.get('example');

// The mock backend answers /api/* inside this page (msw service worker); ?fail=home:500,search:slow
// makes endpoints misbehave to see the pages' error states.
const backend = createMockBackend();
for (const rule of parseFailureSpec(query.get('fail') ?? ''))
  backend.fail(rule.endpoint, rule.mode, rule.options);
await startBrowserBackend(backend, { serviceWorkerUrl: '/mockServiceWorker.js' });

const store = new SceneStore();
const painter = new DomPainter(container, store, { visibleWorld: WORLD });
const focus = new FocusEngine(store, WORLD);
const queued: Array<readonly SceneOp[]> = [];
const pages = {
  ...LEGACY_PAGES,
  ...Object.fromEntries(Object.entries(EXAMPLES).map(([route, { Page }]) => [route, Page])),
};

let navigator: PlaygroundNavigator | undefined;
const world = new LegacyWorld({
  pages,
  apiBase: '',
  send(message: LegacyWorldMessage) {
    switch (message.type) {
      case 'scene.ops':
        queued.push(message.ops);
        return;
      case 'navigate':
        navigator?.navigate(message.route, message.params);
        return;
      case 'replace':
        navigator?.replace(message.route, message.params);
        return;
      case 'back':
        navigator?.back();
        return;
      case 'crashed':
        console.error(
          `page ${message.page} crashed during ${message.phase}: ${message.message}\n${message.stderr}`,
        );
        return;
    }
  },
});
navigator = new PlaygroundNavigator(world, () => focus.focused?.focusKey ?? null);

focus.onChange((event) => {
  world.deliver(event);
  painter.setFocused(WORLD, event.type === 'focus' ? event.nodeId : null);
});

// One frame: apply what the world committed, keep focus valid, paint the dirty nodes.
function frame(): void {
  let changed = false;
  for (const ops of queued.splice(0)) {
    const result = store.apply(WORLD, ops);
    if (!result.ok) console.error(result.error.message);
    changed = true;
  }
  if (changed) {
    focus.sceneChanged();
    const pending = navigator?.pendingFocusKey ?? null;
    if (pending !== null && focus.focusByKey(pending) && navigator !== undefined)
      navigator.pendingFocusKey = null;
    else if (focus.focused === null) focus.focusInitial();
  }
  painter.paint();
  requestAnimationFrame(frame);
}

window.addEventListener('keydown', (event) => {
  const action = actionForKey(event.key);
  if (action === undefined) return;
  event.preventDefault();
  const focused = focus.focused;
  if (action.kind === 'back') navigator?.back();
  else if (action.kind === 'select' && focused !== null)
    world.deliver({ type: 'select', world: WORLD, ...focused });
  else if (action.kind === 'move') {
    const result = focus.move(action.direction, { repeat: event.repeat });
    if (!result.moved && result.reason !== 'throttled' && focused !== null) {
      world.deliver({ type: 'arrow', world: WORLD, direction: action.direction, ...focused });
    }
  }
});

navigator.navigate(example !== null && example in EXAMPLES ? example : 'profiles', {});
requestAnimationFrame(frame);
