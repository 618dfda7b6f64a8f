import {
  describeIssue,
  type ReleaseChannel,
  ReleaseChannelSchema,
  type ReleaseManifest,
} from '../../bridge/index.ts';
import { checkRelease, ReleaseRefused, readKnownGood } from './check-release.ts';
import type { ReleaseCache } from './release-cache.ts';

/**
 * Why a session runs the release it runs (telemetry `release.chosen`, the devtools):
 * - `channel`: the channel's current release;
 * - `known-good`: the channel's release could not be used (`detail` says why), so the last
 *   release whose pages mounted on this device;
 * - `offline`: the channel could not be read (`detail`), so the last known-good release from the cache.
 */
export type ReleaseReason = 'channel' | 'known-good' | 'offline';

export interface ResolvedRelease {
  readonly manifest: ReleaseManifest;
  readonly manifestUrl: string;
  readonly reason: ReleaseReason;
  /** What went wrong with the channel's release, when another one runs. */
  readonly detail?: string;
  /** Whether a page of this release has mounted on this device before. */
  readonly knownGood: boolean;
}

export interface ReleaseSources {
  /** The channel's URL (GET answers a ReleaseChannel), resolved against the page. */
  readonly channelUrl: string;
  readonly fetch: typeof fetch;
  readonly cache: ReleaseCache;
  /** What relative URLs resolve against (the document's location in a browser). */
  readonly baseUrl: string;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function fetchJson(url: string, what: string, fetchImpl: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new ReleaseRefused(`${what} could not be fetched from ${url}: ${describeError(error)}`);
  }
  if (!response.ok) throw new ReleaseRefused(`${what} ${url}: the server answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new ReleaseRefused(`${what} ${url} is not JSON`);
  }
}

/**
 * The release this session runs: the channel's current one, checked (and cached for an offline
 * start); else the last known-good one from the cache, saying why; null when there is neither
 * (the app then loads the build's own manifest).
 *
 * @example
 * const release = await resolveRelease({ channelUrl: '/api/releases/channel?name=stable', fetch, cache, baseUrl: location.href });
 * release?.manifest.release; // 'r-3f2a9c0d1b7e'
 * release?.reason;           // 'channel'
 */
export async function resolveRelease(sources: ReleaseSources): Promise<ResolvedRelease | null> {
  const resolve = (url: string) => new URL(url, sources.baseUrl).href;
  let channel: ReleaseChannel;
  try {
    const checked = ReleaseChannelSchema.check(
      await fetchJson(resolve(sources.channelUrl), 'the release channel', sources.fetch),
    );
    if (!checked.ok)
      throw new ReleaseRefused(`the release channel answer is malformed ${describeIssue(checked.issue)}`);
    channel = checked.value;
  } catch (error) {
    const fallback = await readKnownGood(sources.cache);
    if (fallback === undefined) return null;
    return { ...fallback, reason: 'offline', detail: describeError(error), knownGood: true };
  }
  const manifestUrl = resolve(channel.manifestUrl);
  const good = await readKnownGood(sources.cache);
  const fallBack = (detail: string): ResolvedRelease | null =>
    good === undefined ? null : { ...good, reason: 'known-good', detail, knownGood: true };
  if (sources.cache.bad().includes(channel.release)) {
    return fallBack(`release ${channel.release} failed on this device before`) ?? null;
  }
  try {
    const cached = await sources.cache.manifest(manifestUrl);
    const manifest =
      cached === undefined
        ? checkRelease(
            await fetchJson(manifestUrl, 'the release manifest', sources.fetch),
            channel.release,
            manifestUrl,
          )
        : checkRelease(cached, channel.release, `${manifestUrl} (cached)`);
    // Releases are immutable: a manifest read once is good for the device's life.
    if (cached === undefined) await sources.cache.putManifest(manifestUrl, manifest);
    return {
      manifest,
      manifestUrl,
      reason: 'channel',
      knownGood: good?.manifest.release === manifest.release,
    };
  } catch (error) {
    sources.cache.addBad(channel.release);
    return fallBack(describeError(error));
  }
}
