import type { NodeId } from '../../bridge/index.ts';

/** Which of this world's nodes has focus, as last told by the host; subscribable for hooks. */
export class FocusState {
  private focused: { readonly nodeId: NodeId; readonly focusKey: string } | null = null;
  private readonly listeners = new Set<() => void>();

  get focusKey(): string | null {
    return this.focused?.focusKey ?? null;
  }

  focus(nodeId: NodeId, focusKey: string): void {
    this.focused = { nodeId, focusKey };
    this.notify();
  }

  blur(nodeId: NodeId): void {
    if (this.focused?.nodeId !== nodeId) return;
    this.focused = null;
    this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
