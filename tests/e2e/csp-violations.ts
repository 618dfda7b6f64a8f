import type { Page } from 'playwright-core';

/** One `securitypolicyviolation` event: what the Content-Security-Policy refused, and where. */
export interface CspViolation {
  /** The directive that refused it (`effectiveDirective`, e.g. `img-src`). */
  readonly directive: string;
  /** What was refused: a URL, or `inline` / `eval` / `wasm-eval`. */
  readonly blockedUri: string;
  /** The script (and line) that asked for it, when the browser knows. */
  readonly source: string;
  /** The document it happened in. */
  readonly documentUrl: string;
  /** `report` when the policy only reports (a `-Report-Only` header), `enforce` when it blocked. */
  readonly disposition: string;
}

const BINDING = '__ficusCspViolation';

// Runs in every document before the app's own scripts. Plain JavaScript text: it is injected as is.
const LISTENER = `(() => {
  if (typeof window.${BINDING} !== 'function') return;
  document.addEventListener('securitypolicyviolation', (event) => {
    window.${BINDING}({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedUri: event.blockedURI,
      source: event.sourceFile ? event.sourceFile + ':' + event.lineNumber : '',
      documentUrl: event.documentURI,
      disposition: event.disposition,
    });
  }, true);
})();`;

/**
 * Records every Content-Security-Policy violation of `page` (every navigation included) into the
 * returned array, as it happens. Two sources, because a violation is reported where it happened:
 * - in a document, a `securitypolicyviolation` event, heard by a listener installed before the
 *   app's scripts;
 * - in a dedicated worker (the WASM world), the event fires in the worker, where no init script
 *   runs; Chromium also writes it to the page's log (CDP `Log`, source `worker`), which is read
 *   here. A refused WebAssembly compile is not logged as a violation: it throws, the page falls
 *   back to React, and the tests see the wrong world.
 * msw's service worker is out of reach of both (Playwright does not attach to service workers).
 * A policy the app honours produces none; the e2e tests expect the array empty.
 *
 * @example
 * const violations = await recordCspViolations(page);
 * await page.goto(appUrl);
 * expect(violations.map(describeCspViolation)).toEqual([]);
 */
export async function recordCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.exposeBinding(BINDING, (_source, violation: CspViolation) => {
    violations.push(violation);
  });
  await page.addInitScript({ content: LISTENER });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.source !== 'worker') return;
    const violation = workerViolation(entry.text, entry.url ?? '');
    if (violation !== undefined) violations.push(violation);
  });
  await cdp.send('Log.enable');
  return violations;
}

// Chromium's wording: "Connecting to 'https://x/y' violates the following Content Security Policy
// directive: "connect-src 'self'". The action has been blocked." (or "…policy will be reported").
const LOGGED_VIOLATION =
  /^(?:.*?'(?<uri>[^']*)'.*?)?violates the following Content Security Policy directive: "(?<directive>[a-z-]+)[^"]*"\.(?<rest>.*)$/s;

/** A worker's log line as a {@link CspViolation}, or undefined when it is not one. */
export function workerViolation(text: string, url: string): CspViolation | undefined {
  const match = LOGGED_VIOLATION.exec(text);
  if (match?.groups === undefined) return undefined;
  return {
    directive: match.groups['directive'] ?? '',
    blockedUri: match.groups['uri'] ?? '',
    source: url,
    documentUrl: `(worker) ${url}`,
    disposition: /reported/.test(match.groups['rest'] ?? '') ? 'report' : 'enforce',
  };
}

/** One line for a test failure: which directive refused what, from where, in which document. */
export function describeCspViolation(violation: CspViolation): string {
  const from = violation.source === '' ? '' : ` (from ${violation.source})`;
  return `${violation.directive} refused ${violation.blockedUri || '(no URI)'}${from} in ${violation.documentUrl} [${violation.disposition}]`;
}
