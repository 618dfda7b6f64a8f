import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ComponentType } from 'react';

/** Where the React pages come from: a module and its export holding them by route. */
export interface PagesModule {
  /** Absolute path of the module. */
  readonly file: string;
  readonly exportName: string;
}

/** The reference app's pages (legacy-react/pages/index.ts, LEGACY_PAGES). */
export const appPages = (root: string): PagesModule => ({
  file: resolve(root, 'legacy-react/pages/index.ts'),
  exportName: 'LEGACY_PAGES',
});

/** A route the pages module does not have, or a module that holds no pages; the message says which. */
export class PortInputError extends Error {
  override readonly name = 'PortInputError';
}

/** A path as the person at the command line would type it: relative to where they are when inside it. */
const shown = (file: string): string => {
  const near = relative(process.cwd(), file);
  return near.startsWith('..') ? file : near;
};

const isComponent = (value: unknown): value is ComponentType =>
  typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);

/**
 * Loads the pages module and picks the page of `route`, with errors that say what to pass:
 * an unknown route lists the routes there are.
 *
 * @example
 * const page = await reactPage(appPages(root), 'settings'); // SettingsPage
 */
export async function reactPage(pages: PagesModule, route: string): Promise<ComponentType> {
  if (!existsSync(pages.file)) throw new PortInputError(`--pages: ${shown(pages.file)} does not exist`);
  const loaded: unknown = await import(pathToFileURL(pages.file).href);
  const record: unknown =
    typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, pages.exportName) : undefined;
  if (typeof record !== 'object' || record === null)
    throw new PortInputError(`${shown(pages.file)} has no export ${pages.exportName} holding pages by route`);
  const routes = Object.keys(record).sort();
  const page: unknown = Reflect.get(record, route);
  if (!Object.hasOwn(record, route) || page === undefined)
    throw new PortInputError(
      `no React page for route "${route}" in ${pages.exportName} (${shown(pages.file)}); the routes are: ${routes.join(', ')}`,
    );
  if (!isComponent(page))
    throw new PortInputError(`${pages.exportName}["${route}"] is not a React component`);
  return page;
}
