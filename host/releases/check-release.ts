import {
  describeIssue,
  type ReleaseManifest,
  ReleaseManifestSchema,
  SUPPORTED_ABI_VERSIONS,
} from '../../bridge/index.ts';
import type { ReleaseCache } from './release-cache.ts';

/** A release that cannot be used, and why, in words that name the release and the field. */
export class ReleaseRefused extends Error {
  override readonly name = 'ReleaseRefused';
}

/**
 * Checks a release manifest read from anywhere (the network, the cache): its shape, that it is
 * the release it was said to be, and that this world speaks its ABI version.
 *
 * @throws ReleaseRefused naming the release and what is wrong
 */
export function checkRelease(data: unknown, expected: string | null, where: string): ReleaseManifest {
  const checked = ReleaseManifestSchema.check(data);
  if (!checked.ok)
    throw new ReleaseRefused(`the release manifest ${where} is malformed ${describeIssue(checked.issue)}`);
  const manifest = checked.value;
  if (expected !== null && manifest.release !== expected) {
    throw new ReleaseRefused(
      `the release manifest ${where} is release ${manifest.release}, the channel said ${expected}`,
    );
  }
  if (!(SUPPORTED_ABI_VERSIONS as readonly number[]).includes(manifest.abiVersion)) {
    throw new ReleaseRefused(
      `release ${manifest.release} is built for page ABI ${manifest.abiVersion}; this app speaks ${SUPPORTED_ABI_VERSIONS.join(', ')}`,
    );
  }
  return manifest;
}

/**
 * The last known-good release from the cache, checked, for {@link ReleaseSession}'s fallback.
 *
 * @example
 * const fallback = await readKnownGood(cache);
 */
export async function readKnownGood(
  cache: ReleaseCache,
): Promise<{ readonly manifest: ReleaseManifest; readonly manifestUrl: string } | undefined> {
  const pointer = cache.knownGood();
  if (typeof pointer !== 'object' || pointer === null) return undefined;
  const { release, manifestUrl } = pointer as { release?: unknown; manifestUrl?: unknown };
  if (typeof release !== 'string' || typeof manifestUrl !== 'string') return undefined;
  try {
    return {
      manifest: checkRelease(await cache.manifest(manifestUrl), release, `${manifestUrl} (cached)`),
      manifestUrl,
    };
  } catch {
    return undefined;
  }
}
