import { REDUCE_MOTION_SETTING_ID, type Setting } from '../../bridge/index.ts';

/** The settings a fresh backend starts with, in page order. */
export const DEFAULT_SETTINGS: readonly Setting[] = [
  { id: 'subtitles', label: 'Subtitles', value: false },
  { id: 'autoplay-next', label: 'Autoplay next episode', value: true },
  { id: REDUCE_MOTION_SETTING_ID, label: 'Reduce motion', value: false },
  { id: 'data-saver', label: 'Data saver', value: false },
];

/**
 * The viewer's settings, kept in memory for the life of one backend (two backends never share
 * them). Readers get copies, so a test holding an old list sees it unchanged.
 *
 * @example
 * const store = new SettingsStore();
 * store.update('subtitles', true); // { id: 'subtitles', label: 'Subtitles', value: true }
 * store.update('nope', true);      // undefined
 */
export class SettingsStore {
  private readonly values = new Map<string, Setting>(
    DEFAULT_SETTINGS.map((setting) => [setting.id, setting]),
  );

  /** All settings, in page order. */
  list(): Setting[] {
    return [...this.values.values()];
  }

  has(id: string): boolean {
    return this.values.has(id);
  }

  /** Sets one setting and returns it, or undefined when no setting has that id. */
  update(id: string, value: boolean): Setting | undefined {
    const current = this.values.get(id);
    if (current === undefined) return undefined;
    const updated = { ...current, value };
    this.values.set(id, updated);
    return updated;
  }
}
