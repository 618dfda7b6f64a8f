import { describe, expect, it } from 'vitest';
import { readKnownGood } from '../../../../host/releases/check-release.ts';
import { type ReleaseEvent, ReleaseSession } from '../../../../host/releases/release-session.ts';
import { resolveRelease } from '../../../../host/releases/resolve-release.ts';
import { filesFetch, memoryCache, release } from './release-fixtures.ts';

const BASE = 'http://tv.test/';
const CHANNEL = `${BASE}api/releases/channel?name=stable`;
const GOOD = 'r-aaaaaaaaaaaa';
const NEXT = 'r-bbbbbbbbbbbb';
const url = (id: string) => `${BASE}wasm/releases/${id}.json`;
const channelFor = (id: string) => ({
  channel: 'stable',
  release: id,
  manifestUrl: `/wasm/releases/${id}.json`,
});

/** A device that ran GOOD (its page mounted), with the channel now at `channel`. */
async function deviceThatRan(files: Record<string, unknown>, state: { offline?: boolean } = {}) {
  const cache = memoryCache();
  const sources = { channelUrl: CHANNEL, cache, baseUrl: BASE };
  const first = await resolveRelease({
    ...sources,
    fetch: filesFetch({ [CHANNEL]: channelFor(GOOD), [url(GOOD)]: release(GOOD) }),
  });
  if (first === null) throw new Error('no release');
  new ReleaseSession(first, cache, () => undefined).mounted('profiles');
  return { cache, resolve: () => resolveRelease({ ...sources, fetch: filesFetch(files, state) }) };
}

describe('resolveRelease', () => {
  it("runs the channel's release, checked, and caches its manifest", async () => {
    const cache = memoryCache();
    const resolved = await resolveRelease({
      channelUrl: CHANNEL,
      cache,
      baseUrl: BASE,
      fetch: filesFetch({ [CHANNEL]: channelFor(GOOD), [url(GOOD)]: release(GOOD) }),
    });
    expect(resolved).toMatchObject({ reason: 'channel', knownGood: false, manifestUrl: url(GOOD) });
    expect(resolved?.manifest.release).toBe(GOOD);
    expect(cache.manifests.has(url(GOOD))).toBe(true);
  });

  it('starts offline on the last known-good release from the cache, saying why', async () => {
    const device = await deviceThatRan({}, { offline: true });
    const resolved = await device.resolve();
    expect(resolved).toMatchObject({ reason: 'offline', knownGood: true });
    expect(resolved?.manifest.release).toBe(GOOD);
    expect(resolved?.detail).toContain('could not be fetched');
  });

  it.each([
    ['a malformed manifest', { ...release(NEXT), modules: 'none' }, 'is malformed at .modules'],
    ['a manifest of another release', release(GOOD), `is release ${GOOD}, the channel said ${NEXT}`],
    ['an ABI this app does not speak', release(NEXT, 'b', 99), 'is built for page ABI 99'],
  ])(
    'falls back to the known-good release for %s, and remembers the new one as bad',
    async (_what, manifest, detail) => {
      const device = await deviceThatRan({ [CHANNEL]: channelFor(NEXT), [url(NEXT)]: manifest });
      const resolved = await device.resolve();
      expect(resolved).toMatchObject({ reason: 'known-good', knownGood: true });
      expect(resolved?.manifest.release).toBe(GOOD);
      expect(resolved?.detail).toContain(detail);
      expect(device.cache.bad()).toEqual([NEXT]);
      // Bad on this device: not tried again, even once the manifest is fine.
      const again = await resolveRelease({
        channelUrl: CHANNEL,
        cache: device.cache,
        baseUrl: BASE,
        fetch: filesFetch({ [CHANNEL]: channelFor(NEXT), [url(NEXT)]: release(NEXT, 'b') }),
      });
      expect(again).toMatchObject({
        reason: 'known-good',
        detail: `release ${NEXT} failed on this device before`,
      });
    },
  );

  it('is null when there is no release to run (no channel, nothing cached): the build manifest is used', async () => {
    const resolved = await resolveRelease({
      channelUrl: CHANNEL,
      cache: memoryCache(),
      baseUrl: BASE,
      fetch: filesFetch({}),
    });
    expect(resolved).toBeNull();
  });

  it('refuses a malformed channel answer by field', async () => {
    const device = await deviceThatRan({
      [CHANNEL]: { channel: 'stable', release: 'latest', manifestUrl: '/x.json' },
    });
    const resolved = await device.resolve();
    expect(resolved?.reason).toBe('offline');
    expect(resolved?.detail).toContain('the release channel answer is malformed at .release');
  });
});

describe('ReleaseSession', () => {
  it('falls back to the known-good release when a module of a new release fails, once, and says so', async () => {
    const device = await deviceThatRan({ [CHANNEL]: channelFor(NEXT), [url(NEXT)]: release(NEXT, 'b') });
    const resolved = await device.resolve();
    if (resolved === null) throw new Error('no release');
    const events: ReleaseEvent[] = [];
    const session = new ReleaseSession(
      resolved,
      device.cache,
      (event) => events.push(event),
      await readKnownGood(device.cache),
    );
    expect(session.current()).toBe(NEXT);
    expect(session.loadFailed('profiles', 'digest mismatch')).toBe(true);
    expect(session.current()).toBe(GOOD);
    expect(session.manifest().modules['profiles']?.sha256).toBe('a'.repeat(64));
    // The known-good release is not abandoned in turn: its failures are the page's, not the release's.
    expect(session.loadFailed('profiles', 'again')).toBe(false);
    expect(device.cache.bad()).toEqual([NEXT]);
    expect(events.map((event) => event.name)).toEqual(['release.chosen', 'release.fallback']);
    expect(events[1]).toEqual({
      name: 'release.fallback',
      from: NEXT,
      to: GOOD,
      page: 'profiles',
      detail: 'digest mismatch',
    });
  });

  it('makes a release known-good on its first mount, after which its failures do not switch', async () => {
    const cache = memoryCache();
    const session = new ReleaseSession(
      { manifest: release(NEXT), manifestUrl: url(NEXT), reason: 'channel', knownGood: false },
      cache,
      () => undefined,
    );
    session.mounted('profiles');
    expect(cache.knownGood()).toEqual({ release: NEXT, manifestUrl: url(NEXT) });
    expect(session.loadFailed('profiles', 'x')).toBe(false);
    session.crashedOnMount('profiles', 'x');
    expect(cache.bad()).toEqual([]);
  });

  it('a crash on first mount of a new release marks it bad for the next start', async () => {
    const cache = memoryCache();
    const session = new ReleaseSession(
      { manifest: release(NEXT), manifestUrl: url(NEXT), reason: 'channel', knownGood: false },
      cache,
      () => undefined,
    );
    session.crashedOnMount('profiles', 'unreachable executed');
    expect(cache.bad()).toEqual([NEXT]);
  });
});
