import { describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  apiPaths,
  ProfilesResponseSchema,
  SearchResponseSchema,
  TitleDetailsSchema,
} from '../../../../bridge/index.ts';
import { expectValid, fetchJson, mockBackendPerTest, sendJson, url } from './backend-fixture.ts';

const backend = mockBackendPerTest();

describe('backend.fail', () => {
  it('status: answers that status with the error shape', async () => {
    backend().fail('home', { kind: 'status', status: 500 });
    const { status, body } = await fetchJson(apiPaths.home('p1'));
    expect(status).toBe(500);
    expect(expectValid(ApiErrorSchema, body).error).toEqual({
      code: 'injected-failure',
      message: 'home is set to fail with status 500',
    });
  });

  it('status: only the chosen endpoint fails', async () => {
    backend().fail('home', { kind: 'status', status: 503 });
    expect((await fetchJson(apiPaths.profiles())).status).toBe(200);
    expect((await fetchJson(apiPaths.home('p1'))).status).toBe(503);
  });

  it('delay: still answers, after an undelayed request sent later', async () => {
    backend().fail('search', { kind: 'delay', ms: 150 });
    const finished: string[] = [];
    const slow = fetchJson(apiPaths.search('harbor')).then((response) => {
      finished.push('delayed search');
      return response;
    });
    const fast = fetchJson(apiPaths.profiles()).then((response) => {
      finished.push('profiles');
      return response;
    });
    const [slowResponse, fastResponse] = await Promise.all([slow, fast]);
    expect(finished).toEqual(['profiles', 'delayed search']);
    expect(slowResponse.status).toBe(200);
    expect(expectValid(SearchResponseSchema, slowResponse.body).results.length).toBeGreaterThan(0);
    expectValid(ProfilesResponseSchema, fastResponse.body);
  });

  it('malformed: a 200 whose body is not JSON', async () => {
    backend().fail('title', { kind: 'malformed' });
    const response = await fetch(url(apiPaths.title('t0001')));
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('network: fetch itself rejects', async () => {
    backend().fail('playback', { kind: 'network' });
    await expect(fetch(url(apiPaths.playback('t0001')))).rejects.toThrow(TypeError);
  });

  it('times: 1 fails once, then the endpoint is healthy', async () => {
    backend().fail('title', { kind: 'status', status: 500 }, { times: 1 });
    expect((await fetchJson(apiPaths.title('t0001'))).status).toBe(500);
    const healed = await fetchJson(apiPaths.title('t0001'));
    expect(healed.status).toBe(200);
    expectValid(TitleDetailsSchema, healed.body);
  });

  it('times: n fails n times', async () => {
    backend().fail('profiles', { kind: 'network' }, { times: 2 });
    await expect(fetch(url(apiPaths.profiles()))).rejects.toThrow(TypeError);
    await expect(fetch(url(apiPaths.profiles()))).rejects.toThrow(TypeError);
    expect((await fetchJson(apiPaths.profiles())).status).toBe(200);
  });

  it('without times, fails until reset', async () => {
    backend().fail('search', { kind: 'status', status: 502 });
    for (let i = 0; i < 3; i++) expect((await fetchJson(apiPaths.search('a'))).status).toBe(502);
    backend().reset();
    expect((await fetchJson(apiPaths.search('a'))).status).toBe(200);
  });

  it('a new failure on the same endpoint replaces the old one', async () => {
    backend().fail('home', { kind: 'status', status: 500 });
    backend().fail('home', { kind: 'status', status: 404 }, { times: 1 });
    expect((await fetchJson(apiPaths.home('p1'))).status).toBe(404);
    expect((await fetchJson(apiPaths.home('p1'))).status).toBe(200);
  });

  it('settings failures cover both the GET and the PUT, and a failed PUT changes nothing', async () => {
    backend().fail('settings', { kind: 'status', status: 500 }, { times: 2 });
    expect((await fetchJson(apiPaths.settings())).status).toBe(500);
    expect((await fetchJson(apiPaths.setting('subtitles'), sendJson('PUT', { value: true }))).status).toBe(
      500,
    );
    expect(
      backend()
        .settings()
        .find((setting) => setting.id === 'subtitles')?.value,
    ).toBe(false);
  });

  it('a failed telemetry POST stores nothing', async () => {
    backend().fail('telemetry', { kind: 'network' }, { times: 1 });
    const init = sendJson('POST', { events: [{ name: 'x', at: 1 }] });
    await expect(fetch(url(apiPaths.telemetry()), init)).rejects.toThrow(TypeError);
    expect(backend().telemetryEvents()).toEqual([]);
  });

  it('reset keeps settings and telemetry', async () => {
    await fetchJson(apiPaths.setting('data-saver'), sendJson('PUT', { value: true }));
    await fetchJson(apiPaths.telemetry(), sendJson('POST', { events: [{ name: 'x', at: 1 }] }));
    backend().reset();
    expect(
      backend()
        .settings()
        .find((setting) => setting.id === 'data-saver')?.value,
    ).toBe(true);
    expect(backend().telemetryEvents()).toHaveLength(1);
  });

  it('refuses bad arguments with a message that names them', () => {
    const fail = backend().fail;
    expect(() => fail('home', { kind: 'status', status: 200 })).toThrow(
      'bad failure mode for home: status must be an HTTP error status from 400 to 599, got 200',
    );
    expect(() => fail('home', { kind: 'delay', ms: -1 })).toThrow(/ms must be a number of milliseconds/);
    expect(() => fail('home', { kind: 'malformed' }, { times: 0 })).toThrow(/times must be a whole number/);
    expect(() => fail('home', { kind: 'malformed' }, { times: 1.5 })).toThrow(/times must be a whole number/);
    // Callers in plain JS (or a cast) can pass anything.
    expect(() => fail('homepage' as 'home', { kind: 'network' })).toThrow('unknown endpoint "homepage"');
    expect(() => fail('home', { kind: 'explode' } as unknown as { kind: 'network' })).toThrow(
      'unknown kind "explode"',
    );
  });
});
