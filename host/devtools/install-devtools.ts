import type { Devtools } from './devtools.ts';
import { isDevtoolsKey } from './devtools-flags.ts';
import type { DevtoolsSources } from './devtools-sources.ts';

export interface InstallDevtoolsOptions {
  /** Open the overlay at once (`?devtools`); otherwise the key opens it. */
  readonly open: boolean;
  /** Where the key is listened for (the window). */
  readonly keys: Pick<Window, 'addEventListener'>;
  readonly document: Document;
}

/**
 * Offers the devtools in the running app: the key (`DEVTOOLS_KEYS`: backquote, the remote's blue
 * key) opens and closes the overlay, and `open` opens it now. The overlay's code is a chunk of its
 * own (`import('./devtools.ts')`), fetched the first time it opens: the boot calls this only in
 * development or when the URL asks (`?devtools`), so a production start without the flag neither
 * listens for the key nor loads a byte of it.
 *
 * @example
 * if (import.meta.env.DEV || devtoolsRequested(location.search))
 *   installDevtools(sources, { open: devtoolsRequested(location.search), keys: window, document });
 */
export function installDevtools(sources: DevtoolsSources, options: InstallDevtoolsOptions): void {
  let loading: Promise<Devtools> | undefined;
  const devtools = (): Promise<Devtools> => {
    loading ??= import('./devtools.ts').then((module) =>
      module.createDevtools(sources, { document: options.document }),
    );
    return loading;
  };
  const run = (action: (devtools: Devtools) => void) =>
    devtools().then(action, (error: unknown) => {
      loading = undefined; // the next press tries again
      console.error('the devtools did not load:', error);
    });
  options.keys.addEventListener('keydown', (event) => {
    if (!isDevtoolsKey(event.key) || event.repeat) return;
    event.preventDefault();
    void run((tools) => tools.toggle());
  });
  if (options.open) void run((tools) => tools.open());
}
