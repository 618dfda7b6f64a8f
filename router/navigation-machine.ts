import { assign, fromPromise, setup } from 'xstate';
import type { HistoryEntry, WorldId } from '../bridge/index.ts';
import { commitStack } from './commit-navigation.ts';
import { describeReason } from './failure-reason.ts';
import { currentEntry, type PageRef, toHistorySync } from './history-stack.ts';
import { initialContext, type NavigationContext, type NavigationInput } from './navigation-context.ts';
import type { NavigationEvent, NavigationRequest, PageCrashedEvent } from './navigation-events.ts';
import { planRemount, requirePending, retryInLegacy, startPending, targetOf } from './plan-navigation.ts';
import type { RouterPorts } from './ports.ts';

/** What one load or mount attempt came to. The actors never reject, so every outcome carries its id. */
export type AttemptResult =
  | { readonly id: number; readonly ok: true }
  | { readonly id: number; readonly ok: false; readonly reason: string };

interface AttemptInput {
  readonly ports: RouterPorts;
  readonly id: number;
  readonly world: WorldId;
  readonly entry: HistoryEntry;
}

// Turning rejections into results lets one id guard cover success and failure alike.
async function runAttempt(id: number, work: () => Promise<void>, what: string): Promise<AttemptResult> {
  try {
    await work();
    return { id, ok: true };
  } catch (error) {
    return { id, ok: false, reason: `${what}: ${describeReason(error)}` };
  }
}

function attemptInput(context: NavigationContext): AttemptInput {
  const pending = requirePending(context);
  return {
    ports: context.ports,
    id: pending.id,
    world: pending.world ?? pending.entry.world,
    entry: pending.entry,
  };
}

function crashReason(event: PageCrashedEvent): { reason: string } {
  return { reason: `page crashed: ${event.reason ?? 'no reason given'}` };
}

const isRequest = (event: NavigationEvent): event is NavigationRequest => event.type !== 'PAGE_CRASHED';
const isCrash = (event: NavigationEvent): event is PageCrashedEvent => event.type === 'PAGE_CRASHED';

/**
 * The page switch as explicit states, with every effect behind `RouterPorts` (given as input):
 *
 *   idle → choosingWorld → loadingWorld → mountingOffscreen → revealing → unmountingPrevious
 *        → handingOverFocus → committing → idle            (any failure in legacy → failed)
 *
 * Decisions:
 * - Supersede: a request (NAVIGATE, REPLACE, BACK, FORWARD, RESET, POPSTATE) in `loadingWorld` or
 *   `mountingOffscreen` drops the pending switch (unmounting its offscreen page if the mount had
 *   started) and is planned from the committed stack, as if the pending one never happened. So
 *   Back while loading goes back from the page still on screen; at the root it just cancels
 *   (except during the very first switch, which has no committed page to stay on).
 *   Late results of a dropped attempt are ignored: xstate stops the invoked actor, and every
 *   result carries its attempt id, which must match the pending one.
 * - Queuing: `revealing` .. `committing` are synchronous (`always`) steps run in one macrostep, so
 *   no event can arrive in the middle; an event a port sends while they run (say, `reveal`
 *   synchronously reporting a crash) waits in xstate's mailbox and is handled in `idle`, after
 *   the commit, against the new stack.
 * - Fallback: a WASM attempt that fails to load or mount, or crashes while mounting, is reported
 *   with `pageFailed` and retried in 'legacy'; a crash of the visible WASM page remounts the same
 *   entry in 'legacy'. A legacy failure goes to `failed` (the previous page stays visible); any
 *   later request leaves it.
 *
 * @example
 * const actor = createActor(navigationMachine, { input: { ports, rootRoute: 'home' } }).start();
 * actor.send({ type: 'RESET' });                                   // first page: home
 * actor.send({ type: 'NAVIGATE', route: 'details', params: { id: 't1' } });
 * isSwitching(actor.getSnapshot());                                // true until details commits
 */
export const navigationMachine = setup({
  types: {
    context: {} as NavigationContext,
    events: {} as NavigationEvent,
    input: {} as NavigationInput,
  },
  actors: {
    loadWorld: fromPromise<AttemptResult, AttemptInput>(({ input }) =>
      runAttempt(
        input.id,
        () => input.ports.loadWorld(input.world),
        `loading the ${input.world} world failed`,
      ),
    ),
    mountOffscreen: fromPromise<AttemptResult, AttemptInput>(({ input }) =>
      runAttempt(
        input.id,
        () => input.ports.mountOffscreen(input.world, input.entry),
        'mounting the page failed',
      ),
    ),
  },
  guards: {
    hasTarget: ({ context, event }) => isRequest(event) && targetOf(context, event) !== undefined,
    // Cancelling needs a committed page to stay on: during the very first switch there is none.
    canCancel: ({ context }) => context.pending !== null && context.stack.index >= 0,
    // The browser came back to the committed entry while a popstate-driven move was pending.
    browserReturned: ({ context, event }) =>
      event.type === 'POPSTATE' &&
      context.pending?.urlMode === 'none' &&
      currentEntry(context.stack)?.key === event.entryKey,
    worldChoiceFailed: ({ context }) => context.pending?.choiceFailure !== undefined,
    crashedPendingWasm: ({ context, event }) => isPendingPage(context, event) && event.world === 'wasm',
    crashedPending: ({ context, event }) => isPendingPage(context, event),
    crashedVisibleWasmAtRest: ({ context, event }) =>
      context.pending === null && isVisiblePage(context, event) && event.world === 'wasm',
    crashedVisibleAtRest: ({ context, event }) => context.pending === null && isVisiblePage(context, event),
    crashedVisible: ({ context, event }) => isVisiblePage(context, event),
    attemptSucceeded: ({ context }, result: AttemptResult) => result.ok && context.pending?.id === result.id,
    attemptFailedInWasm: ({ context }, result: AttemptResult) =>
      !result.ok && context.pending?.id === result.id && context.pending.world === 'wasm',
    attemptFailed: ({ context }, result: AttemptResult) => !result.ok && context.pending?.id === result.id,
  },
  // Reading the host inside `assign` (its world choice, its focus) is deliberate: those ports are
  // queries whose answers become part of the new context, not effects.
  actions: {
    startNavigation: assign(({ context, event }) => {
      const target = isRequest(event) ? targetOf(context, event) : undefined;
      if (target === undefined) throw new Error(`router bug: ${event.type} has no target`);
      return {
        ...startPending(
          context,
          target,
          () => context.ports.currentFocusKey(),
          (page) => worldForParent(context.ports, page),
        ),
        failure: null,
      };
    }),
    startRemount: assign(({ context }) => ({
      ...planRemount(context, () => context.ports.currentFocusKey()),
      failure: null,
    })),
    retryInLegacy: assign(({ context }) => retryInLegacy(context)),
    chooseWorld: assign(({ context }) => {
      const pending = requirePending(context);
      const { route, params } = pending.entry;
      try {
        const world = pending.forcedWorld ?? context.ports.chooseWorld(route, params);
        return { pending: { ...pending, world, entry: { ...pending.entry, world } } };
      } catch (error) {
        // A throw inside the machine would stop it for the session: fail this switch instead.
        const reason = `choosing a world for "${route}" failed: ${describeReason(error)}`;
        return { pending: { ...pending, choiceFailure: reason } };
      }
    }),
    markMountStarted: assign(({ context }) => ({
      pending: { ...requirePending(context), mountStarted: true },
    })),
    // Owed to the host for every mount it started (see RouterPorts); a no-op before the mount.
    unmountPending: ({ context }) => {
      const pending = context.pending;
      if (pending?.mountStarted === true) context.ports.unmount(pending.entry.world, pending.entry);
    },
    reportPendingFailure: ({ context }, params: { reason: string }) => {
      const pending = requirePending(context);
      context.ports.pageFailed(pending.entry.world, pending.entry, params.reason);
    },
    reportVisibleFailure: ({ context }, params: { reason: string }) => {
      if (context.visible !== null) {
        context.ports.pageFailed(context.visible.world, context.visible.entry, params.reason);
      }
    },
    failPending: assign(({ context }, params: { reason: string }) => {
      const pending = requirePending(context);
      return {
        pending: null,
        failure: { world: pending.entry.world, entry: pending.entry, reason: params.reason },
      };
    }),
    failVisible: assign(({ context }, params: { reason: string }) =>
      context.visible === null ? {} : { failure: { ...context.visible, reason: params.reason } },
    ),
    revealPending: assign(({ context }) => {
      const pending = requirePending(context);
      return {
        pending: { ...pending, previous: context.visible },
        visible: { world: pending.entry.world, entry: pending.entry },
      };
    }),
    reveal: ({ context }) => {
      const { entry } = requirePending(context);
      context.ports.reveal(entry.world, entry);
    },
    unmountPrevious: ({ context }) => {
      const { previous, entry } = requirePending(context);
      // A remount shows the same entry in the other world, so the pair (world, key) is the page.
      if (previous !== null && (previous.world !== entry.world || previous.entry.key !== entry.key)) {
        context.ports.unmount(previous.world, previous.entry);
      }
    },
    handOverFocus: ({ context }) => {
      const { entry, focusToRestore } = requirePending(context);
      context.ports.handOverFocus(entry.world, entry, focusToRestore);
    },
    commit: assign(({ context }) => {
      const pending = requirePending(context);
      const stack = commitStack(context.stack, pending);
      const shown = currentEntry(stack) ?? pending.entry;
      return { stack, historySeq: context.historySeq + 1, visible: { world: shown.world, entry: shown } };
    }),
    syncHistory: ({ context }) => context.ports.syncHistory(toHistorySync(context.stack, context.historySeq)),
    syncUrl: ({ context }) => {
      const shown = currentEntry(context.stack);
      if (shown !== undefined) context.ports.syncUrl(shown, requirePending(context).urlMode);
    },
    clearPending: assign({ pending: null }),
  },
}).createMachine({
  id: 'navigation',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  // Requests and crash reports are handled here, the same way in every state that can receive
  // events (idle, loadingWorld, mountingOffscreen, failed): the synchronous steps never see one.
  on: {
    NAVIGATE: { target: '.choosingWorld', actions: ['unmountPending', 'startNavigation'] },
    REPLACE: { target: '.choosingWorld', actions: ['unmountPending', 'startNavigation'] },
    RESET: { target: '.choosingWorld', actions: ['unmountPending', 'startNavigation'] },
    BACK: [
      { guard: 'hasTarget', target: '.choosingWorld', actions: ['unmountPending', 'startNavigation'] },
      // Back at the root while a switch is pending: nothing to go back to, so it only cancels.
      { guard: 'canCancel', target: '.idle', actions: ['unmountPending', 'clearPending'] },
    ],
    FORWARD: [
      { guard: 'hasTarget', target: '.choosingWorld', actions: ['unmountPending', 'startNavigation'] },
      { guard: 'canCancel', target: '.idle', actions: ['unmountPending', 'clearPending'] },
    ],
    POPSTATE: [
      { guard: 'hasTarget', target: '.choosingWorld', actions: ['unmountPending', 'startNavigation'] },
      { guard: 'browserReturned', target: '.idle', actions: ['unmountPending', 'clearPending'] },
    ],
    PAGE_CRASHED: [
      {
        guard: 'crashedPendingWasm',
        target: '.choosingWorld',
        actions: [
          { type: 'reportPendingFailure', params: ({ event }) => crashReason(event) },
          'unmountPending',
          'retryInLegacy',
        ],
      },
      {
        guard: 'crashedPending',
        target: '.failed',
        actions: [
          { type: 'reportPendingFailure', params: ({ event }) => crashReason(event) },
          'unmountPending',
          { type: 'failPending', params: ({ event }) => crashReason(event) },
        ],
      },
      {
        guard: 'crashedVisibleWasmAtRest',
        target: '.choosingWorld',
        actions: [
          { type: 'reportVisibleFailure', params: ({ event }) => crashReason(event) },
          'startRemount',
        ],
      },
      {
        guard: 'crashedVisibleAtRest',
        target: '.failed',
        actions: [
          { type: 'reportVisibleFailure', params: ({ event }) => crashReason(event) },
          { type: 'failVisible', params: ({ event }) => crashReason(event) },
        ],
      },
      // The page being left crashed: report it, and let the pending switch replace it.
      {
        guard: 'crashedVisible',
        actions: { type: 'reportVisibleFailure', params: ({ event }) => crashReason(event) },
      },
    ],
  },
  states: {
    idle: {},
    choosingWorld: {
      tags: 'switching',
      entry: 'chooseWorld',
      always: [
        {
          guard: 'worldChoiceFailed',
          target: 'failed',
          actions: {
            type: 'failPending',
            params: ({ context }) => ({ reason: context.pending?.choiceFailure ?? 'no reason given' }),
          },
        },
        { target: 'loadingWorld' },
      ],
    },
    loadingWorld: {
      tags: 'switching',
      invoke: {
        src: 'loadWorld',
        input: ({ context }) => attemptInput(context),
        onDone: [
          {
            guard: { type: 'attemptSucceeded', params: ({ event }) => event.output },
            target: 'mountingOffscreen',
          },
          {
            guard: { type: 'attemptFailedInWasm', params: ({ event }) => event.output },
            target: 'choosingWorld',
            actions: [
              { type: 'reportPendingFailure', params: ({ event }) => reasonOf(event.output) },
              'retryInLegacy',
            ],
          },
          {
            guard: { type: 'attemptFailed', params: ({ event }) => event.output },
            target: 'failed',
            actions: [
              { type: 'reportPendingFailure', params: ({ event }) => reasonOf(event.output) },
              { type: 'failPending', params: ({ event }) => reasonOf(event.output) },
            ],
          },
        ],
      },
    },
    mountingOffscreen: {
      tags: 'switching',
      entry: 'markMountStarted',
      invoke: {
        src: 'mountOffscreen',
        input: ({ context }) => attemptInput(context),
        onDone: [
          { guard: { type: 'attemptSucceeded', params: ({ event }) => event.output }, target: 'revealing' },
          {
            guard: { type: 'attemptFailedInWasm', params: ({ event }) => event.output },
            target: 'choosingWorld',
            actions: [
              { type: 'reportPendingFailure', params: ({ event }) => reasonOf(event.output) },
              'unmountPending',
              'retryInLegacy',
            ],
          },
          {
            guard: { type: 'attemptFailed', params: ({ event }) => event.output },
            target: 'failed',
            actions: [
              { type: 'reportPendingFailure', params: ({ event }) => reasonOf(event.output) },
              'unmountPending',
              { type: 'failPending', params: ({ event }) => reasonOf(event.output) },
            ],
          },
        ],
      },
    },
    revealing: {
      tags: 'switching',
      entry: ['revealPending', 'reveal'],
      always: 'unmountingPrevious',
    },
    unmountingPrevious: {
      tags: 'switching',
      entry: 'unmountPrevious',
      always: 'handingOverFocus',
    },
    handingOverFocus: {
      tags: 'switching',
      entry: 'handOverFocus',
      always: 'committing',
    },
    committing: {
      tags: 'switching',
      entry: ['commit', 'syncHistory', 'syncUrl'],
      always: { target: 'idle', actions: 'clearPending' },
    },
    failed: {},
  },
});

function isPendingPage(context: NavigationContext, event: NavigationEvent): event is PageCrashedEvent {
  const pending = context.pending;
  return (
    isCrash(event) &&
    pending?.mountStarted === true &&
    pending.entry.world === event.world &&
    pending.entry.key === event.entryKey
  );
}

function isVisiblePage(context: NavigationContext, event: NavigationEvent): event is PageCrashedEvent {
  const visible = context.visible;
  return (
    isCrash(event) &&
    visible !== null &&
    visible.world === event.world &&
    visible.entry.key === event.entryKey
  );
}

/**
 * The world recorded for a deep link's parent, which is not mounted now (the choice is asked
 * again when the viewer goes back to it). A throwing host choice must not stop the machine.
 */
function worldForParent(ports: RouterPorts, page: PageRef): WorldId {
  try {
    return ports.chooseWorld(page.route, page.params);
  } catch {
    return 'legacy';
  }
}

function reasonOf(result: AttemptResult): { reason: string } {
  return { reason: result.ok ? 'no reason given' : result.reason };
}
