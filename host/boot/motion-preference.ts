import {
  apiPaths,
  describeIssue,
  REDUCE_MOTION_SETTING_ID,
  type Setting,
  SettingSchema,
  SettingsResponseSchema,
} from '../../bridge/index.ts';

/** The platform's reduced-motion preference, as a media query. */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

export interface MotionPreferenceOptions {
  /** Told whenever the answer of `reduced` changes (and once, at once, with the first answer). */
  readonly onChange: (reduced: boolean) => void;
  /** The platform's preference (`matchMedia(REDUCED_MOTION_QUERY)`); null where there is none. */
  readonly media?: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'> | null;
  /** Told about an answer from the backend that does not match the settings contract. */
  readonly onWarning?: (message: string) => void;
}

/**
 * Whether motion is reduced: the platform says so (`prefers-reduced-motion: reduce`) or the
 * viewer switched on the app's "Reduce motion" setting. The setting is read from the backend's
 * answers as pages of either world read and save it (`tapFetch`), so the host never asks for it
 * on its own and follows a save the moment the backend confirms it.
 *
 * @example
 * const motion = new MotionPreference({ media: matchMedia(REDUCED_MOTION_QUERY), onChange: (r) => painter.setReducedMotion(r) });
 * const fetch = motion.tapFetch(globalThis.fetch.bind(globalThis));
 */
export class MotionPreference {
  private platform: boolean;
  private setting = false;
  private last: boolean | null = null;
  private readonly warn: (message: string) => void;
  private readonly stopMedia: () => void;

  constructor(private readonly options: MotionPreferenceOptions) {
    this.warn = options.onWarning ?? ((message) => console.warn(message));
    const media = options.media ?? null;
    this.platform = media?.matches === true;
    if (media === null) this.stopMedia = () => undefined;
    else {
      const follow = (event: MediaQueryListEvent) => {
        this.platform = event.matches;
        this.report();
      };
      media.addEventListener('change', follow);
      this.stopMedia = () => media.removeEventListener('change', follow);
    }
    this.report();
  }

  /** True while changes must be instant. */
  get reduced(): boolean {
    return this.platform || this.setting;
  }

  /** Takes the value of the setting from a settings answer of the backend (validated here). */
  observe(path: string, body: unknown): void {
    const setting = this.settingIn(path, body);
    if (setting === undefined) return;
    this.setting = setting.value;
    this.report();
  }

  /** The reduce-motion setting in a settings answer, if it holds one that keeps the contract. */
  private settingIn(path: string, body: unknown): Setting | undefined {
    const method = path === apiPaths.settings() ? 'GET' : 'PUT';
    const checked =
      path === apiPaths.settings()
        ? SettingsResponseSchema.check(body)
        : path === apiPaths.setting(REDUCE_MOTION_SETTING_ID)
          ? SettingSchema.check(body)
          : undefined;
    if (checked === undefined) return undefined;
    if (!checked.ok) {
      this.warn(`${method} ${path}: answer ignored for reduced motion, ${describeIssue(checked.issue)}`);
      return undefined;
    }
    const value = checked.value;
    return 'settings' in value ? value.settings.find((s) => s.id === REDUCE_MOTION_SETTING_ID) : value;
  }

  /**
   * `fetch`, with the backend's settings answers also read here: the ok answers of
   * `GET /api/settings` and `PUT /api/settings/reduce-motion`. The caller gets the response as
   * the backend sent it; reading a copy never delays or changes it.
   */
  tapFetch(
    fetch: typeof globalThis.fetch,
    base = globalThis.location?.href ?? 'http://localhost/',
  ): typeof globalThis.fetch {
    const watched = new Set([apiPaths.settings(), apiPaths.setting(REDUCE_MOTION_SETTING_ID)]);
    return async (input, init) => {
      const response = await fetch(input, init);
      const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
      const path = new URL(url, base).pathname;
      if (response.ok && watched.has(path))
        void response
          .clone()
          .json()
          .then(
            (body: unknown) => this.observe(path, body),
            () => this.warn(`${path}: the answer is not JSON; reduced motion left as it was`),
          );
      return response;
    };
  }

  /** Stops following the platform's preference. */
  dispose(): void {
    this.stopMedia();
  }

  private report(): void {
    const reduced = this.reduced;
    if (reduced === this.last) return;
    this.last = reduced;
    this.options.onChange(reduced);
  }
}
