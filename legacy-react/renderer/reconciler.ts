import Reconciler from 'react-reconciler';
import { createHostConfig } from './host-config.ts';
import type { SceneWriter } from './scene-writer.ts';

/**
 * A react-reconciler instance bound to one world's scene writer, announced to React DevTools
 * (its global hook, when the extension or a standalone DevTools installed one) under the
 * package name and version of renderer-package.ts, so the React world's component tree can be
 * inspected like React DOM's. Without a hook the announcement does nothing.
 *
 * @example
 * const reconciler = createFicusReconciler(new SceneWriter());
 */
export function createFicusReconciler(writer: SceneWriter) {
  const reconciler = Reconciler(createHostConfig(writer));
  reconciler.injectIntoDevTools();
  return reconciler;
}

export type FicusReconciler = ReturnType<typeof createFicusReconciler>;
