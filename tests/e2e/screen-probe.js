// Injected into every document before the app's own scripts (playwright's addInitScript) by the
// load test and the soak. Plain JavaScript on purpose: it is sent to the page as text, untouched
// by tsx's transforms. It exposes window.__ficusProbe (typed in screen-probe.ts):
// - `inflight`: the app's backend requests not yet fully received (telemetry aside: it never
//   changes the screen), so "at rest" can wait for data a page is about to show;
// - `mutations`: DOM mutations so far, so "at rest" can wait for a quiet DOM;
// - a watch that, after every rendered frame, checks what may never be wrong even mid-switch:
//   at most one visible world, at most one focused node, and that node inside the visible world.
//   It makes Chromium run a frame loop, which adds a little main-thread work to every frame;
// - `atRest(quietFrames)`, polled once per animation frame, `shows(world, page, focusPattern)`,
//   and `read()`, a snapshot.
(() => {
  if (window.__ficusProbe !== undefined) return;
  const probe = {
    inflight: 0,
    mutations: 0,
    frames: 0,
    problems: [],
    rest: { mutations: -1, quiet: 0 },
    atRest,
    shows,
    read,
  };
  Object.defineProperty(window, '__ficusProbe', { value: probe });

  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const counted = url.includes('/api/') && !url.includes('/api/telemetry');
    if (counted) probe.inflight += 1;
    try {
      const response = await realFetch(input, init);
      // The body is what the page waits for: count the request until it has arrived.
      if (counted)
        await response
          .clone()
          .arrayBuffer()
          .catch(() => undefined);
      return response;
    } finally {
      if (counted) probe.inflight -= 1;
    }
  };
  new MutationObserver((records) => {
    probe.mutations += records.length;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  const worldRoots = () => [...document.querySelectorAll('[data-ficus-world]')];
  const isVisible = (root) => getComputedStyle(root).visibility !== 'hidden';
  const describeNode = (node) =>
    `${node.getAttribute('data-ficus-focus-key') ?? '(no key)'} in ${
      node.closest('[data-ficus-world]')?.getAttribute('data-ficus-world') ?? 'no world'
    }`;
  const describeShown = (visible) =>
    visible
      .map((w) => `${w.getAttribute('data-ficus-world')}:${w.getAttribute('data-ficus-page')}`)
      .join(', ') || 'none';
  const note = (problem) => {
    if (probe.problems.length < 20) probe.problems.push(problem);
  };

  function check() {
    probe.frames += 1;
    const visible = worldRoots().filter(isVisible);
    const focused = [...document.querySelectorAll('[data-ficus-focused]')];
    if (visible.length > 1)
      note(`frame ${probe.frames}: ${visible.length} visible worlds (${describeShown(visible)})`);
    if (focused.length > 1)
      note(
        `frame ${probe.frames}: ${focused.length} focused nodes (${focused.map(describeNode).join(', ')})`,
      );
    for (const node of focused) {
      if (!visible.some((root) => root.contains(node)))
        note(
          `frame ${probe.frames}: focused ${describeNode(node)} is outside the visible world (shown: ${describeShown(visible)})`,
        );
    }
  }
  // After the frame is rendered: a message posted from requestAnimationFrame runs after painting.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    check();
    requestAnimationFrame(() => channel.port2.postMessage(null));
  };
  requestAnimationFrame(() => channel.port2.postMessage(null));

  /** True once the app booted and showed a page, is not switching, has no request in flight, and the DOM was quiet that many polls. */
  function atRest(quietFrames) {
    const app = window.__ficus;
    const rest = probe.rest;
    const busy = app === undefined || app.switching() || app.history().index < 0 || probe.inflight > 0;
    if (busy || rest.mutations !== probe.mutations) {
      rest.mutations = probe.mutations;
      rest.quiet = 0;
      return false;
    }
    rest.quiet += 1;
    return rest.quiet >= quietFrames;
  }

  /** True when only `world` is visible, showing `page`, with one focused node whose key matches `focusPattern`. */
  function shows(world, page, focusPattern) {
    const visible = worldRoots().filter(isVisible);
    const focused = [...document.querySelectorAll('[data-ficus-focused]')];
    return (
      visible.length === 1 &&
      visible[0].getAttribute('data-ficus-world') === world &&
      visible[0].getAttribute('data-ficus-page') === page &&
      focused.length === 1 &&
      new RegExp(focusPattern).test(focused[0].getAttribute('data-ficus-focus-key') ?? '')
    );
  }

  function read() {
    const app = window.__ficus;
    const roots = worldRoots();
    const visibleRoots = roots.filter(isVisible);
    const params = {};
    for (const [name, value] of new URLSearchParams(location.search)) params[name] = value;
    // Plain copies: the router's objects may be frozen.
    const copy = (value) => JSON.parse(JSON.stringify(value));
    return {
      worlds: roots.map((root) => ({
        world: root.getAttribute('data-ficus-world') ?? '',
        page: root.getAttribute('data-ficus-page'),
        visible: isVisible(root),
      })),
      focused: [...document.querySelectorAll('[data-ficus-focused]')].map((node) => ({
        key: node.getAttribute('data-ficus-focus-key'),
        inVisibleWorld: visibleRoots.some((root) => root.contains(node)),
        rendered: node.checkVisibility(),
      })),
      url: { path: location.pathname, params },
      router: app === undefined ? null : { switching: app.switching(), history: copy(app.history()) },
      legacyCopy: app === undefined ? null : copy(app.legacyHistory()),
      frameProblems: probe.problems.splice(0),
      framesWatched: probe.frames,
    };
  }
})();
