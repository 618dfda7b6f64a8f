// Injected into every benchmark page before the app's own scripts (playwright's addInitScript).
// Plain JavaScript on purpose: it is sent to the page as text, untouched by tsx's transforms.
// It exposes window.__ficusBench; run.ts drives it. Nothing here observes the DOM while no
// measurement is armed, so the app's idle cost is not changed by the probe.
//
// "Painted" is approximated as the end of the first rendering task (the task that runs the
// requestAnimationFrame callbacks, then style, layout and paint) whose frame shows the awaited DOM:
// - the DOM is checked by a MutationObserver (a microtask right after each mutating task or rAF
//   callback);
// - if the DOM became right inside a rendering task (the app paints from its rAF loop), that very
//   frame shows it, and a message posted on a MessageChannel runs right after that task ends;
// - otherwise (the DOM changed in an ordinary task) the next frame shows it: a requestAnimationFrame
//   callback, then the same message after its rendering task.
// To know whether a rendering task is running, requestAnimationFrame is wrapped: the first callback
// of each frame (a new frame time stamp) marks "in a frame" until the message posted then arrives.
(() => {
  if (window.__ficusBench !== undefined) return;
  const nativeRaf = window.requestAnimationFrame.bind(window);
  const channel = new MessageChannel();
  let frameStamp = -1;
  let inFrame = false;
  let afterFrame = [];
  channel.port1.onmessage = () => {
    inFrame = false;
    const callbacks = afterFrame;
    afterFrame = [];
    for (const callback of callbacks) callback(performance.now());
  };
  const onFrame = (stamp) => {
    if (stamp !== frameStamp) {
      frameStamp = stamp;
      inFrame = true;
      channel.port2.postMessage(0);
    }
  };
  window.requestAnimationFrame = (callback) =>
    nativeRaf((stamp) => {
      onFrame(stamp);
      callback(stamp);
    });
  /** Calls `callback(paintedAt)` after the frame that shows the DOM as it is now. */
  const whenPainted = (callback) => {
    if (inFrame) afterFrame.push(callback);
    else
      window.requestAnimationFrame(() => {
        afterFrame.push(callback);
      });
  };

  const visibleWorld = () => {
    for (const root of document.querySelectorAll('[data-ficus-world]')) {
      if (root.style.visibility !== 'hidden') return root;
    }
    return null;
  };
  const focusedKey = () => {
    const root = visibleWorld();
    const focused = root?.querySelector('[data-ficus-focused]');
    return focused?.getAttribute('data-ficus-focus-key') ?? null;
  };
  // The hero's title is the page's only 64 px text (hero.tsx / hero.ts of the collections page).
  const heroTitle = () => visibleWorld()?.querySelector('[style*="font-size: 64px"]')?.textContent ?? null;
  const screen = () => {
    const root = visibleWorld();
    return {
      world: root?.getAttribute('data-ficus-world') ?? null,
      page: root?.getAttribute('data-ficus-page') ?? null,
      focus: focusedKey(),
      hero: heroTitle(),
    };
  };

  const OBSERVE = {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-ficus-focused', 'data-ficus-page', 'style'],
  };

  // --- one awaited change per key press ------------------------------------------------------
  let armed = null; // { want, resolve, reject, timer, observer, press }
  const finish = (outcome) => {
    const current = armed;
    if (current === null) return;
    armed = null;
    current.observer.disconnect();
    clearTimeout(current.timer);
    clearTimeout(current.heroTimer);
    current.resolve(outcome);
  };
  const check = () => {
    const current = armed;
    if (current === null || current.press === null || current.domAt !== null) return;
    const now = screen();
    const { want, press } = current;
    let done = false;
    if (want.kind === 'move') {
      const moved = now.focus !== null && now.focus !== press.before.focus;
      if (moved && current.focusAt === null) {
        current.focusAt = performance.now();
        // A move to a tile of the same title leaves the hero as it was: give up on the hero then.
        current.heroTimer = setTimeout(() => {
          if (armed !== current || current.domAt !== null) return;
          current.domAt = performance.now();
          current.heroUnchanged = true;
          whenPainted((paintedAt) => settle(current, paintedAt));
        }, want.heroGraceMs);
      }
      done = moved && now.hero !== null && now.hero !== press.before.hero;
    } else {
      done =
        now.page === want.page && now.focus !== null && (want.world === null || now.world === want.world);
    }
    if (!done) return;
    current.domAt = performance.now();
    whenPainted((paintedAt) => settle(current, paintedAt));
  };
  const settle = (current, paintedAt) => {
    if (armed !== current) return;
    const { press } = current;
    finish({
      ok: true,
      key: press.key,
      repeat: press.repeat,
      keydownAt: press.at,
      domMs: current.domAt - press.at,
      latencyMs: paintedAt - press.at,
      heroUnchanged: current.heroUnchanged,
      before: press.before,
      after: screen(),
    });
  };
  window.addEventListener(
    'keydown',
    (event) => {
      const current = armed;
      if (current === null || current.press !== null) return;
      current.press = { key: event.key, repeat: event.repeat, at: event.timeStamp, before: screen() };
      current.observer.observe(document.documentElement, OBSERVE);
      check();
    },
    true,
  );

  // --- a held key: frame deltas and focus changes -----------------------------------------------
  let hold = null;
  // One frame loop per recording: a callback of a stopped recording's loop still queued when the
  // next one starts must not join it (it would record every frame twice).
  const holdLoop = (current) => {
    const frame = (stamp) => {
      if (hold !== current) return;
      current.frames.push(stamp);
      if (document.getAnimations().length > 0) current.animatedFrames += 1;
      window.requestAnimationFrame(frame);
    };
    return frame;
  };

  // --- first focused node of a page load (cold and warm start) -----------------------------------
  let firstFocus = null;
  const startWatch = () => {
    const observer = new MutationObserver(() => {
      const now = screen();
      if (now.focus === null || now.page === null) return;
      observer.disconnect();
      const domAt = performance.now();
      whenPainted((paintedAt) => {
        firstFocus = { domMs: domAt, paintedMs: paintedAt, page: now.page, world: now.world };
      });
    });
    observer.observe(document, OBSERVE);
    setTimeout(() => observer.disconnect(), 60_000);
  };
  if (document.documentElement !== null) startWatch();
  else document.addEventListener('readystatechange', startWatch, { once: true });

  window.__ficusBench = {
    screen,
    /**
     * Resolves once the next keydown's effect is painted: `{kind:'move', heroGraceMs}` (focus moved
     * and the hero title changed) or `{kind:'page', page, world}` (that page shown with a focus).
     */
    arm(want, timeoutMs) {
      if (armed !== null) finish({ ok: false, reason: 'superseded by a newer measurement' });
      return new Promise((resolve) => {
        const current = {
          want,
          resolve,
          press: null,
          focusAt: null,
          domAt: null,
          heroUnchanged: false,
          heroTimer: undefined,
          observer: new MutationObserver(check),
          timer: setTimeout(() => {
            if (armed !== current) return;
            const seen = screen();
            const reason =
              current.press === null
                ? `no keydown reached the page within ${timeoutMs} ms`
                : `waited ${timeoutMs} ms after ${current.press.key} for ${JSON.stringify(want)}; ` +
                  `before ${JSON.stringify(current.press.before)}, now ${JSON.stringify(seen)}`;
            finish({ ok: false, reason });
          }, timeoutMs),
        };
        armed = current;
      });
    },
    /** Starts recording animation frames and focus changes (a held key). */
    startHold() {
      const focusChanges = [];
      let last = focusedKey();
      const observer = new MutationObserver(() => {
        const key = focusedKey();
        if (key !== last) {
          last = key;
          focusChanges.push(performance.now());
        }
      });
      observer.observe(document.documentElement, OBSERVE);
      let keydowns = 0;
      const onKey = () => {
        keydowns += 1;
      };
      window.addEventListener('keydown', onKey, true);
      hold = {
        frames: [],
        animatedFrames: 0,
        focusChanges,
        observer,
        onKey,
        keydowns: () => keydowns,
        startedAt: performance.now(),
      };
      window.requestAnimationFrame(holdLoop(hold));
    },
    /** Stops the recording; returns frame time stamps, focus change times and the keydowns seen. */
    stopHold() {
      const current = hold;
      if (current === null) return null;
      hold = null;
      current.observer.disconnect();
      window.removeEventListener('keydown', current.onKey, true);
      return {
        frames: current.frames,
        animatedFrames: current.animatedFrames,
        focusChanges: current.focusChanges,
        keydowns: current.keydowns(),
        startedAt: current.startedAt,
        stoppedAt: performance.now(),
      };
    },
    /** Resolves with `count` rAF intervals (ms) of the page as it is (idle: the display's frame interval). */
    idleFrames(count) {
      return new Promise((resolve) => {
        const stamps = [];
        const frame = (stamp) => {
          stamps.push(stamp);
          if (stamps.length > count) resolve(stamps.slice(1).map((at, index) => at - stamps[index]));
          else window.requestAnimationFrame(frame);
        };
        window.requestAnimationFrame(frame);
      });
    },
    /**
     * Resolves once no animation is left on the page (each finished or cancelled by a retarget)
     * and none has started two frames later.
     */
    async animationsDone() {
      const frame = () => new Promise((resolve) => window.requestAnimationFrame(resolve));
      for (;;) {
        const running = document.getAnimations();
        if (running.length === 0) {
          await frame();
          await frame();
          if (document.getAnimations().length === 0) return;
          continue;
        }
        await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
      }
    },
    /** The first focused node of this page load (times since navigation start), or null so far. */
    firstFocus: () => firstFocus,
  };
})();
