import {
  type ReleaseChannel,
  type ReleaseIndex,
  ReleaseIndexSchema,
  type ReleaseManifest,
  ReleaseManifestSchema,
} from '../../bridge/index.ts';
import type { MockStorage } from './rollout-state.ts';

/** Where the releases the build wrote are read from: fetched from the app's origin in a browser, files under Node. */
export interface ReleaseSource {
  /** `dist/wasm/releases/index.json`, unchecked. */
  readIndex(): Promise<unknown>;
  /** `dist/wasm/releases/<release>.json`, unchecked. */
  readManifest(release: string): Promise<unknown>;
  /** The URL the app fetches a release's manifest from. */
  manifestUrl(release: string): string;
}

/**
 * What the channel serves: the newest release the build wrote, a given one, or `tampered`: the
 * newest with one module's digest changed, a release with a broken module, so tests and leads
 * can see a device keep its last known-good release.
 */
export type ChannelChoice =
  | { readonly kind: 'latest' }
  | { readonly kind: 'tampered' }
  | { readonly kind: 'release'; readonly release: string };

export const MOCK_CHANNEL_KEY = 'ficus.mock-backend.release-channel';
/** The mock's own path for the tampered release's manifest (not part of the API: the channel points at it). */
export const TAMPERED_MANIFEST_PATH = '/mock/releases/tampered.json';
/** The page whose module the tampered release breaks. */
export const TAMPERED_PAGE = 'profiles';
/** The only channel the mock has. */
export const MOCK_CHANNEL_NAME = 'stable';

/** The release id of the tampered copy of `release`: another id, so a device does not mistake it for the good one. */
export const tamperedId = (release: string): string => `r-${[...release.slice(2)].reverse().join('')}`;

export class ChannelError extends Error {
  override readonly name = 'ChannelError';
}

/**
 * The mock backend's release channel (GET /api/releases/channel). The choice is persisted in
 * `storage` when given, so it outlives a reload, as a real backend's channel would.
 *
 * @example
 * const channel = new MockReleaseChannel(source, localStorage);
 * channel.choose({ kind: 'tampered' });
 * await channel.current(); // { channel: 'stable', release: 'r-…', manifestUrl: '/mock/releases/tampered.json' }
 */
export class MockReleaseChannel {
  private choice: ChannelChoice;

  constructor(
    private readonly source: ReleaseSource | undefined,
    private readonly storage?: MockStorage,
  ) {
    this.choice = MockReleaseChannel.read(storage);
  }

  choose(choice: ChannelChoice): void {
    this.choice = choice;
    try {
      this.storage?.setItem(MOCK_CHANNEL_KEY, JSON.stringify(choice));
    } catch {
      // Kept for this page's life only.
    }
  }

  chosen(): ChannelChoice {
    return this.choice;
  }

  /** What the channel serves now; a ChannelError says why it cannot (no build, an unknown release). */
  async current(): Promise<ReleaseChannel> {
    const index = await this.index();
    const choice = this.choice;
    if (choice.kind === 'tampered') {
      return {
        channel: MOCK_CHANNEL_NAME,
        release: tamperedId(index.latest),
        manifestUrl: TAMPERED_MANIFEST_PATH,
      };
    }
    const release = choice.kind === 'latest' ? index.latest : choice.release;
    if (!Object.hasOwn(index.releases, release)) {
      throw new ChannelError(
        `the channel is set to release ${release}, which the build does not have (it has ${Object.keys(index.releases).join(', ')})`,
      );
    }
    return { channel: MOCK_CHANNEL_NAME, release, manifestUrl: this.source?.manifestUrl(release) ?? '' };
  }

  /**
   * The newest release with one module's digest changed (the first page the app opens,
   * `profiles`, when it has one, so the failure shows at once): its integrity check fails.
   */
  async tamperedManifest(): Promise<ReleaseManifest> {
    const index = await this.index();
    const checked = ReleaseManifestSchema.check(await this.requireSource().readManifest(index.latest));
    if (!checked.ok)
      throw new ChannelError(`release ${index.latest}: ${checked.issue.path}: ${checked.issue.message}`);
    const manifest = checked.value;
    const ids = Object.keys(manifest.modules);
    const broken = ids.includes(TAMPERED_PAGE) ? TAMPERED_PAGE : ids[0];
    const modules = Object.fromEntries(
      Object.entries(manifest.modules).map(([id, entry]) =>
        id === broken
          ? [id, { ...entry, sha256: entry.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0')) }]
          : [id, entry],
      ),
    );
    return { ...manifest, release: tamperedId(manifest.release), modules };
  }

  private requireSource(): ReleaseSource {
    if (this.source === undefined)
      throw new ChannelError("this mock backend was started without the build's releases");
    return this.source;
  }

  private async index(): Promise<ReleaseIndex> {
    const checked = ReleaseIndexSchema.check(await this.requireSource().readIndex());
    if (!checked.ok)
      throw new ChannelError(
        `releases/index.json: ${checked.issue.path}: ${checked.issue.message} (run npm run build:wasm)`,
      );
    return checked.value;
  }

  private static read(storage: MockStorage | undefined): ChannelChoice {
    try {
      const stored = storage?.getItem(MOCK_CHANNEL_KEY);
      const parsed: unknown = stored === null || stored === undefined ? null : JSON.parse(stored);
      if (typeof parsed === 'object' && parsed !== null) {
        const { kind, release } = parsed as { kind?: unknown; release?: unknown };
        if (kind === 'latest' || kind === 'tampered') return { kind };
        if (kind === 'release' && typeof release === 'string') return { kind, release };
      }
    } catch {
      // Unreadable: serve the newest.
    }
    return { kind: 'latest' };
  }
}
