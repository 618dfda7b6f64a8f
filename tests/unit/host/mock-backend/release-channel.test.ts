import { describe, expect, it } from 'vitest';
import { apiPaths, ReleaseChannelSchema, ReleaseManifestSchema } from '../../../../bridge/index.ts';
import { TAMPERED_MANIFEST_PATH } from '../../../../host/mock-backend/release-channel.ts';
import { BUILT_RELEASES, fetchJson, mockBackendPerTest, sendJson, url } from './backend-fixture.ts';

const backend = mockBackendPerTest();

describe('the mock release channel', () => {
  it('serves the newest release the build wrote, then the tampered copy, then a given release', async () => {
    const index = (await BUILT_RELEASES.readIndex()) as { latest: string };
    const first = await fetchJson(apiPaths.releaseChannel('stable'));
    expect(first.status).toBe(200);
    expect(ReleaseChannelSchema.check(first.body).ok).toBe(true);
    expect(first.body).toMatchObject({
      release: index.latest,
      manifestUrl: `/wasm/releases/${index.latest}.json`,
    });

    backend().serveRelease({ kind: 'tampered' });
    const tampered = await fetchJson(apiPaths.releaseChannel('stable'));
    expect(tampered.body).toMatchObject({ manifestUrl: TAMPERED_MANIFEST_PATH });
    const manifest = await fetch(url(TAMPERED_MANIFEST_PATH)).then((response) => response.json());
    const checked = ReleaseManifestSchema.check(manifest);
    expect(checked.ok).toBe(true);
    const good = ReleaseManifestSchema.check(await BUILT_RELEASES.readManifest(index.latest));
    if (!checked.ok || !good.ok) return;
    expect(checked.value.release).toBe((tampered.body as { release: string }).release);
    expect(checked.value.release).not.toBe(index.latest);
    // Exactly one module's digest differs: a release with one broken module.
    const changed = Object.keys(good.value.modules).filter(
      (id) => good.value.modules[id]?.sha256 !== checked.value.modules[id]?.sha256,
    );
    expect(changed).toHaveLength(1);

    const put = await fetch(url('/mock/releases/channel'), sendJson('PUT', { serve: index.latest }));
    expect(put.status).toBe(200);
    expect((await fetchJson(apiPaths.releaseChannel('stable'))).body).toMatchObject({
      release: index.latest,
    });
  });

  it('refuses an unknown channel, an unknown release and a bad admin body by name', async () => {
    const other = await fetchJson(apiPaths.releaseChannel('beta'));
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).toContain('no release channel');
    expect(JSON.stringify(other.body)).toContain('beta');
    backend().serveRelease({ kind: 'release', release: 'r-000000000000' });
    const missing = await fetchJson(apiPaths.releaseChannel('stable'));
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('r-000000000000, which the build does not have');
    const bad = await fetch(url('/mock/releases/channel'), sendJson('PUT', { serve: 'newest' }));
    expect(bad.status).toBe(400);
  });

  it('answers the rollout a lead set (PUT /mock/rollout), validated', async () => {
    expect((await fetchJson(apiPaths.rollout())).body).toEqual({ pages: {} });
    const config = { pages: { collections: { killSwitch: true }, settings: { wasmPercent: 10 } } };
    expect((await fetch(url('/mock/rollout'), sendJson('PUT', config))).status).toBe(200);
    expect((await fetchJson(apiPaths.rollout())).body).toEqual(config);
    const bad = await fetch(
      url('/mock/rollout'),
      sendJson('PUT', { pages: { settings: { wasmPercent: 101 } } }),
    );
    expect(bad.status).toBe(400);
    expect((await fetchJson(apiPaths.rollout())).body).toEqual(config);
  });
});
