import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../bridge/index.ts';
import { FailureRules, parseFailureSpec } from '../../../../host/mock-backend/failure-rules.ts';
import { fetchJson, mockBackendPerTest, sendJson } from './backend-fixture.ts';

// "The next PUT to settings fails with 500" (issue 9 item 5): a failure can be armed for one
// method of an endpoint, so saving a setting fails while reading the settings still works.

const backend = mockBackendPerTest();
const save = (value: boolean) => fetchJson(apiPaths.setting('subtitles'), sendJson('PUT', { value }));

describe('backend.fail with a method', () => {
  it('fails only the next PUT to settings; the GET before and after, and the next PUT, succeed', async () => {
    backend().fail('settings', { kind: 'status', status: 500 }, { times: 1, method: 'PUT' });
    expect((await fetchJson(apiPaths.settings())).status).toBe(200);
    expect((await save(true)).status).toBe(500);
    expect(
      backend()
        .settings()
        .find((s) => s.id === 'subtitles')?.value,
    ).toBe(false);
    expect((await fetchJson(apiPaths.settings())).status).toBe(200);
    expect((await save(true)).status).toBe(200);
    expect(
      backend()
        .settings()
        .find((s) => s.id === 'subtitles')?.value,
    ).toBe(true);
  });

  it('keeps a rule for every method beside one for a method, the method’s own taken first', async () => {
    backend().fail('settings', { kind: 'status', status: 503 });
    backend().fail('settings', { kind: 'status', status: 500 }, { times: 1, method: 'PUT' });
    expect((await save(true)).status).toBe(500);
    expect((await save(true)).status).toBe(503);
    expect((await fetchJson(apiPaths.settings())).status).toBe(503);
  });

  it('refuses a method that is not one, naming it', () => {
    expect(() =>
      new FailureRules().add('settings', { kind: 'malformed' }, { method: 'put' as 'PUT' }),
    ).toThrow('bad failure options for settings: method must be one of GET, PUT, POST, DELETE, got "put"');
  });
});

describe('parseFailureSpec with a method', () => {
  it('reads <endpoint>.<METHOD>', () => {
    expect(parseFailureSpec('settings.PUT:500*1,telemetry.POST:network')).toEqual([
      { endpoint: 'settings', mode: { kind: 'status', status: 500 }, options: { times: 1, method: 'PUT' } },
      { endpoint: 'telemetry', mode: { kind: 'network' }, options: { method: 'POST' } },
    ]);
  });

  it.each([
    [
      'settings.PATCH:500',
      'bad failure spec part "settings.PATCH:500": unknown method "PATCH" (expected one of GET, PUT, POST, DELETE)',
    ],
    ['settings.:500', 'bad failure spec part "settings.:500": unknown method ""'],
  ])('refuses %j', (spec, message) => {
    expect(() => parseFailureSpec(spec)).toThrow(message);
  });
});
