import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPaths } from '../../../../bridge/index.ts';
import { createMockBackend } from '../../../../host/mock-backend/mock-backend.ts';
import { startNodeBackend } from '../../../../host/mock-backend/node.ts';
import { url } from './backend-fixture.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startNodeBackend', () => {
  it('fails a request no handler matches instead of reaching the network', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stop = startNodeBackend(createMockBackend());
    try {
      await expect(fetch('http://elsewhere.test/v1/feed')).rejects.toThrow(/"error" strategy/);
      expect(logged).toHaveBeenCalled();
    } finally {
      stop();
    }
  });

  it('stops serving when stopped', async () => {
    const stop = startNodeBackend(createMockBackend());
    expect((await fetch(url(apiPaths.profiles()))).status).toBe(200);
    stop();
    // ficus.test is a reserved name that never resolves: without msw the request cannot succeed.
    await expect(fetch(url(apiPaths.profiles()))).rejects.toThrow();
  });
});
