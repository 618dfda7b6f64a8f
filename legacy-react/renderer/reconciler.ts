import Reconciler from 'react-reconciler';
import { createHostConfig } from './host-config.ts';
import type { SceneWriter } from './scene-writer.ts';

/** A react-reconciler instance bound to one world's scene writer. */
export function createFicusReconciler(writer: SceneWriter) {
  return Reconciler(createHostConfig(writer));
}

export type FicusReconciler = ReturnType<typeof createFicusReconciler>;
