// Named imports: the bundle keeps these two fields, not the whole package.json.
import { name, version } from '../../package.json';

/**
 * The npm package this renderer ships in, as React DevTools shows it: read from package.json, so a
 * release's version is the one DevTools reports (react-reconciler adds its own `reconcilerVersion`).
 *
 * @example
 * RENDERER_PACKAGE; // { name: 'ficus', version: '0.1.0' }
 */
export const RENDERER_PACKAGE: { readonly name: string; readonly version: string } = { name, version };
