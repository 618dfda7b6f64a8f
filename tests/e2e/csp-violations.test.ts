import { describe, expect, it } from 'vitest';
import { describeCspViolation, workerViolation } from './csp-violations.ts';

// How a dedicated worker's violations reach the e2e tests: Chromium's log lines, as Chromium 156
// wrote them for a worker under `connect-src 'self'` (content-security-policy.e2e.ts checks it live).
describe("a worker's CSP violation read from Chromium's log", () => {
  it('names the directive and the refused URL', () => {
    const text =
      "Connecting to 'https://evil.invalid/x' violates the following Content Security Policy directive: \"connect-src 'self'\". The action has been blocked.";
    const violation = workerViolation(text, 'http://127.0.0.1:4173/assets/w.js');
    expect(violation).toEqual({
      directive: 'connect-src',
      blockedUri: 'https://evil.invalid/x',
      source: 'http://127.0.0.1:4173/assets/w.js',
      documentUrl: '(worker) http://127.0.0.1:4173/assets/w.js',
      disposition: 'enforce',
    });
    expect(describeCspViolation(violation ?? violationMissing())).toBe(
      'connect-src refused https://evil.invalid/x (from http://127.0.0.1:4173/assets/w.js) in (worker) http://127.0.0.1:4173/assets/w.js [enforce]',
    );
  });

  it('ignores the rest of the log: the fetch error that follows, and ordinary console lines', () => {
    expect(
      workerViolation(
        "Fetch API cannot load https://evil.invalid/x. Refused to connect because it violates the document's Content Security Policy.",
        '',
      ),
    ).toBeUndefined();
    expect(workerViolation('compiled profiles in 12 ms', '')).toBeUndefined();
  });
});

function violationMissing(): never {
  throw new Error('workerViolation did not read the log line');
}
