import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

/** The dashboard's files, as the plugin serves them and the static page inlines them. */
export interface DashboardAssets {
  /** The page (index.html), which names the three files below by relative URL. */
  readonly html: string;
  /** main.ts and its imports (uPlot, the schemas) as one ES module. */
  readonly js: string;
  readonly css: string;
  /** uPlot's own stylesheet, from the installed package. */
  readonly uplotCss: string;
}

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Bundles the dashboard's page script with Vite (one ES module, minified, nothing written to
 * disk) and reads its page and stylesheets. Takes a second or two: callers keep the result.
 *
 * @example
 * const assets = await bundleDashboard();
 * assets.js.length; // ~60 KB
 */
export async function bundleDashboard(): Promise<DashboardAssets> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: here('.'),
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: here('main.ts'), formats: ['es'], fileName: () => 'dashboard.js' },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((item) => item.type === 'chunk' && item.isEntry);
  if (chunk === undefined || chunk.type !== 'chunk')
    throw new Error('bundling the dashboard gave no entry chunk');
  return {
    html: readFileSync(here('index.html'), 'utf8'),
    js: chunk.code,
    css: readFileSync(here('dashboard.css'), 'utf8'),
    uplotCss: readFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
}
