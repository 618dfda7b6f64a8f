import { createContext } from 'react';
import type { HostConfig } from 'react-reconciler';
import { DefaultEventPriority, NoEventPriority } from 'react-reconciler/constants.js';
import { setPropOp } from '../../bridge/index.ts';
import type { HostInstance, PageContainer } from './host-instance.ts';
import { COMPONENT_NAMES, HOST_TYPES, type HostType } from './primitive-props.ts';
import { diffSceneValues, handlersOf, PrimitiveUsageError, toSceneValues } from './prop-translation.ts';
import { RENDERER_PACKAGE } from './renderer-package.ts';
import type { SceneWriter } from './scene-writer.ts';

type Props = Readonly<Record<string, unknown>>;
/** Raw text never becomes a host instance: <Text> takes its string children as a prop. */
type TextInstance = never;
/** Whether we are inside a <Text>, to explain misplaced text well. */
type HostContext = { readonly insideText: boolean };

/**
 * Every slot of react-reconciler's host config, named once with our types. Slots we do not use
 * (hydration, persistence, portals, resources, view transitions) are left out or fixed here.
 */
export type FicusHostConfig = HostConfig<
  HostType,
  Props,
  PageContainer,
  HostInstance,
  TextInstance,
  never, // ActivityInstance
  never, // SuspenseInstance
  never, // HydratableInstance
  never, // FormInstance
  HostInstance, // PublicInstance: what a ref receives
  HostContext,
  never, // ChildSet
  ReturnType<typeof setTimeout>,
  -1,
  null, // TransitionStatus
  null, // SuspendedState
  null, // RendererInspectionConfig
  never, // FormStateMarkerInstance
  never, // HoistableRoot
  never // Resource
>;

const KNOWN_TYPES = new Set<string>(Object.values(HOST_TYPES));

function assertKnownType(type: string): asserts type is HostType {
  if (!KNOWN_TYPES.has(type)) {
    throw new PrimitiveUsageError(
      `<${type}> is not a Ficus primitive: the React world draws only View, Text and Image (import them from legacy-react), never DOM elements`,
    );
  }
}

/** Builds the host config around one world's scene writer. */
export function createHostConfig(writer: SceneWriter): FicusHostConfig {
  let committing: PageContainer | null = null;
  let updatePriority: number = NoEventPriority;

  const container = (): PageContainer => {
    if (committing === null) throw new Error('Ficus renderer: a tree mutation arrived outside a commit');
    return committing;
  };

  function createInstance(type: HostType, props: Props, root: PageContainer): HostInstance {
    assertKnownType(type);
    return {
      id: writer.allocateId(),
      type,
      page: root.page,
      values: toSceneValues(type, props),
      handlers: handlersOf(props),
      initialChildren: [],
      materialized: false,
    };
  }

  function createTextInstance(text: string, _root: PageContainer, context: HostContext): never {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new PrimitiveUsageError(
      context.insideText
        ? `Text "${shown}" is mixed with elements inside a <Text>: a <Text> can only contain text`
        : `Text "${shown}" must be rendered inside <Text>, e.g. <Text>${shown}</Text>`,
    );
  }

  function appendInitialChild(parent: HostInstance, child: HostInstance): void {
    parent.initialChildren.push(child);
  }

  function appendChild(parent: HostInstance, child: HostInstance): void {
    writer.append(container(), parent.id, child);
  }

  function appendChildToContainer(root: PageContainer, child: HostInstance): void {
    moveWithin(root.children, child, null);
    writer.append(root, root.nodeId, child);
  }

  function insertBefore(parent: HostInstance, child: HostInstance, before: HostInstance): void {
    writer.insertBefore(container(), parent.id, child, before);
  }

  function insertInContainerBefore(root: PageContainer, child: HostInstance, before: HostInstance): void {
    moveWithin(root.children, child, before);
    writer.insertBefore(root, root.nodeId, child, before);
  }

  function removeChild(_parent: HostInstance, child: HostInstance): void {
    writer.remove(container(), child);
  }

  function removeChildFromContainer(root: PageContainer, child: HostInstance): void {
    const index = root.children.indexOf(child);
    if (index >= 0) root.children.splice(index, 1);
    writer.remove(root, child);
  }

  function commitUpdate(instance: HostInstance, type: HostType, _before: Props, after: Props): void {
    const values = toSceneValues(type, after);
    for (const [name, value] of diffSceneValues(instance.values, values)) {
      container().pending.push(setPropOp(instance.id, name, value));
    }
    instance.values = values;
    instance.handlers = handlersOf(after);
  }

  function clearContainer(root: PageContainer): void {
    for (const child of root.children.splice(0)) writer.remove(root, child);
  }

  // Suspense and <Activity> hide content they keep: hidden nodes are not painted and take no focus.
  function hideInstance(instance: HostInstance): void {
    container().pending.push({ op: 'setProp', id: instance.id, name: 'visible', value: false });
  }

  function unhideInstance(instance: HostInstance): void {
    const visible = instance.values.visible;
    container().pending.push(setPropOp(instance.id, 'visible', visible === undefined ? null : visible));
  }

  return {
    rendererPackageName: RENDERER_PACKAGE.name,
    rendererVersion: RENDERER_PACKAGE.version,
    extraDevToolsConfig: null,
    supportsMutation: true,
    supportsPersistence: false,
    supportsHydration: false,
    isPrimaryRenderer: false,
    warnsIfNotActing: false,
    noTimeout: -1,
    supportsMicrotasks: true,
    scheduleMicrotask: queueMicrotask,
    scheduleTimeout: setTimeout,
    cancelTimeout: clearTimeout,

    createInstance,
    createTextInstance,
    appendInitialChild,
    finalizeInitialChildren: () => false,
    shouldSetTextContent: (type) => type === HOST_TYPES.text,
    getRootHostContext: () => ({ insideText: false }),
    getChildHostContext: (_parent, type) => ({ insideText: type === HOST_TYPES.text }),
    getPublicInstance: (instance) => instance,
    prepareForCommit(root) {
      committing = root;
      writer.committing = true;
      return null;
    },
    resetAfterCommit(root) {
      committing = null;
      try {
        flushContainer(root);
      } finally {
        writer.committing = false;
      }
    },
    preparePortalMount: () => undefined,
    getInstanceFromNode: () => null,
    beforeActiveInstanceBlur: () => undefined,
    afterActiveInstanceBlur: () => undefined,
    prepareScopeUpdate: () => undefined,
    getInstanceFromScope: () => null,
    detachDeletedInstance: (instance) => writer.forget(instance),

    appendChild,
    appendChildToContainer,
    insertBefore,
    insertInContainerBefore,
    removeChild,
    removeChildFromContainer,
    commitUpdate,
    commitTextUpdate: () => undefined,
    resetTextContent: () => undefined,
    clearContainer,
    hideInstance,
    unhideInstance,
    hideTextInstance: () => undefined,
    unhideTextInstance: () => undefined,

    NotPendingTransition: null,
    HostTransitionContext: createContext<null>(null),
    setCurrentUpdatePriority: (priority) => {
      updatePriority = priority;
    },
    getCurrentUpdatePriority: () => updatePriority,
    resolveUpdatePriority: () => (updatePriority === NoEventPriority ? DefaultEventPriority : updatePriority),
    resetFormInstance: () => undefined,
    requestPostPaintCallback: () => undefined,
    shouldAttemptEagerTransition: () => false,
    trackSchedulerEvent: () => undefined,
    resolveEventType: () => null,
    resolveEventTimeStamp: () => -1.1,
    maySuspendCommit: () => false,
    maySuspendCommitOnUpdate: () => false,
    maySuspendCommitInSyncRender: () => false,
    preloadInstance: () => true,
    startSuspendingCommit: () => null,
    suspendInstance: () => undefined,
    suspendOnActiveViewTransition: () => undefined,
    waitForCommitToBeReady: () => null,
    getSuspendedCommitReason: () => null,
    bindToConsole: (methodName, args) =>
      Function.prototype.bind.call(console[methodName as 'log'], console, ...args),
  };

  function flushContainer(root: PageContainer): void {
    if (root.pending.length === 0) return;
    const ops = root.pending;
    root.pending = [];
    root.flush(ops);
  }
}

/** Keeps the container's child list in the order React sees, for clearContainer. */
function moveWithin(children: HostInstance[], child: HostInstance, before: HostInstance | null): void {
  const at = children.indexOf(child);
  if (at >= 0) children.splice(at, 1);
  const index = before === null ? -1 : children.indexOf(before);
  if (index < 0) children.push(child);
  else children.splice(index, 0, child);
}

export { COMPONENT_NAMES };
