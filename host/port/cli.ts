// `npm run port -- <route> [--params k=v,...] [--out DIR] [--force] [--pages FILE]`: scaffolds the
// WASM port of a React page (host/port/port-page.ts) and prints what is left to do by hand.
// --pages names a module whose PAGES export holds React pages by route (default: the app's
// LEGACY_PAGES); --out writes into DIR as if it were the project (its imports point back here).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Params } from '../../bridge/index.ts';
import { appPages, PortInputError } from './page-source.ts';
import { portPage } from './port-page.ts';
import { PortSnapshotError } from './react-session.ts';

const USAGE = 'usage: npm run port -- <route> [--params k=v,...] [--out DIR] [--force] [--pages FILE]';

/** The command line, checked: every flag known, every value present. */
function parseArgs(args: readonly string[]) {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
    if (name === 'force') {
      flags.set(name, true);
    } else if (name === 'params' || name === 'out' || name === 'pages') {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--'))
        throw new PortInputError(`--${name} needs a value\n${USAGE}`);
      flags.set(name, value);
    } else {
      throw new PortInputError(`unknown option ${arg}\n${USAGE}`);
    }
  }
  const [route, ...extra] = positional;
  if (route === undefined) throw new PortInputError(`which page? ${USAGE}`);
  if (extra.length > 0)
    throw new PortInputError(`one route at a time (got ${positional.join(', ')})\n${USAGE}`);
  const text = (name: string) => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    route,
    params: parseParams(text('params') ?? ''),
    out: text('out'),
    pages: text('pages'),
    force: flags.has('force'),
  };
}

function parseParams(text: string): Params {
  const params: Record<string, string> = {};
  for (const pair of text.split(',').filter((part) => part.length > 0)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new PortInputError(`--params: "${pair}" is not name=value`);
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return params;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
try {
  const args = parseArgs(process.argv.slice(2));
  const result = await portPage({
    root,
    route: args.route,
    params: args.params,
    pages: args.pages === undefined ? appPages(root) : { file: resolve(args.pages), exportName: 'PAGES' },
    force: args.force,
    ...(args.out === undefined ? {} : { out: resolve(args.out) }),
  });
  const { snapshot } = result;
  console.log(
    `port  ${args.route}: ${snapshot.focusKeys.length} focus keys, ${snapshot.reads.length} data paths, a walk of ${snapshot.walk.steps.length} presses`,
  );
  for (const file of result.written) console.log(`port  wrote ${file}`);
  console.log('\nLeft to do by hand:');
  for (const [index, item] of result.todo.entries()) console.log(`  ${index + 1}. ${item}`);
  console.log(
    `\nPlan entry (${result.plan.replaces ? 'replaces the one' : 'add it'} in pages of migration-plan/reference-plan.ts):`,
  );
  console.log(result.plan.text.replace(/^/gm, '    '));
  if (result.plan.issues.length > 0)
    console.log(`  The plan's rules refuse it as it is: ${result.plan.issues.join('; ')}`);
} catch (error) {
  if (error instanceof PortInputError || error instanceof PortSnapshotError)
    console.error(`port: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
}
