/**
 * A set of listeners for one kind of event, for the taps devtools attach to (bus, frames). Emitting
 * with no listener costs a size check, so a tap left in the app costs nothing while devtools are
 * closed or absent.
 *
 * @example
 * const frames = new Listeners<number>();
 * const stop = frames.add((ms) => console.log(ms));
 * if (frames.active) frames.emit(3.2);
 * stop();
 */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();

  /** Whether anyone listens: check it before computing what to emit. */
  get active(): boolean {
    return this.#listeners.size > 0;
  }

  /** Adds `listener`; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Calls every listener with `value`; a listener that throws is logged and the others still run. */
  emit(value: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(value);
      } catch (error) {
        console.error('a devtools listener failed:', error);
      }
    }
  }
}
