import type { ReleaseManifest, WasmManifest } from '../../bridge/index.ts';
import type { ReleaseCache } from './release-cache.ts';
import type { ReleaseReason, ResolvedRelease } from './resolve-release.ts';

/** What the session tells telemetry (the host records them as `release.*` events). */
export type ReleaseEvent =
  | {
      readonly name: 'release.chosen';
      readonly release: string;
      readonly reason: ReleaseReason;
      readonly detail?: string;
    }
  | {
      readonly name: 'release.fallback';
      readonly from: string;
      readonly to: string;
      readonly page: string;
      readonly detail: string;
    }
  | { readonly name: 'release.known-good'; readonly release: string; readonly page: string };

/** The hooks the WASM world's module loader and client call (host/boot/wasm-world-client.ts). */
export interface ReleaseHooks {
  /** The release modules load from now (changes after a fallback). */
  current(): string | null;
  /**
   * A page module of the current release failed to load (digest, download, compile). Returns true
   * when the session switched to the last known-good release: the load is worth one more try.
   */
  loadFailed(page: string, detail: string): boolean;
  /** A page of the current release mounted: the release is known-good on this device. */
  mounted(page: string): void;
  /** A page of the current release crashed while mounting: a release not yet known-good is abandoned for the next loads. */
  crashedOnMount(page: string, detail: string): void;
}

const asWasmManifest = (release: ReleaseManifest): WasmManifest => ({
  abiVersion: release.abiVersion,
  modules: release.modules,
});

/**
 * The release one app session runs, and its fallback: modules come from the chosen release until
 * one of them fails before the release has proven itself on this device (a page mounted), then
 * from the last known-good release. A release that failed is remembered as bad, so the next start
 * does not try it again.
 *
 * @example
 * const session = new ReleaseSession(await resolveRelease(sources), cache, (event) => telemetry(event));
 * session.manifest();          // what ModuleLoader loads from
 * session.loadFailed('profiles', 'digest mismatch'); // true: now on the last known-good release
 */
export class ReleaseSession implements ReleaseHooks {
  private running: ResolvedRelease;
  /** The known-good release to fall back to, read when needed (it may be the running one). */
  private fallback: { readonly manifest: ReleaseManifest; readonly manifestUrl: string } | undefined;

  constructor(
    resolved: ResolvedRelease,
    private readonly cache: ReleaseCache,
    private readonly emit: (event: ReleaseEvent) => void,
    fallback?: { readonly manifest: ReleaseManifest; readonly manifestUrl: string },
  ) {
    this.running = resolved;
    this.fallback = fallback;
    emit({
      name: 'release.chosen',
      release: resolved.manifest.release,
      reason: resolved.reason,
      ...(resolved.detail === undefined ? {} : { detail: resolved.detail }),
    });
  }

  /** The running release's modules, as the module loader reads a manifest. */
  manifest(): WasmManifest {
    return asWasmManifest(this.running.manifest);
  }

  current(): string {
    return this.running.manifest.release;
  }

  reason(): ReleaseReason {
    return this.running.reason;
  }

  loadFailed(page: string, detail: string): boolean {
    if (this.running.knownGood) return false;
    return this.abandon(page, detail);
  }

  mounted(page: string): void {
    if (this.running.knownGood) return;
    this.running = { ...this.running, knownGood: true };
    this.cache.setKnownGood({
      release: this.running.manifest.release,
      manifestUrl: this.running.manifestUrl,
    });
    this.emit({ name: 'release.known-good', release: this.running.manifest.release, page });
  }

  crashedOnMount(page: string, detail: string): void {
    if (!this.running.knownGood) this.abandon(page, detail);
  }

  /** Marks the running release bad and switches to the known-good one, if there is another. */
  private abandon(page: string, detail: string): boolean {
    const from = this.running.manifest.release;
    this.cache.addBad(from);
    const to = this.fallback;
    if (to === undefined || to.manifest.release === from) return false;
    this.running = {
      manifest: to.manifest,
      manifestUrl: to.manifestUrl,
      reason: 'known-good',
      detail,
      knownGood: true,
    };
    this.emit({ name: 'release.fallback', from, to: to.manifest.release, page, detail });
    return true;
  }
}
