import { parseArgs } from 'node:util';
import { DatabaseInUseError } from './db-owner.ts';
import { DEFAULT_TELEMETRY_DB, DEFAULT_TELEMETRY_PORT } from './defaults.ts';
import { COLLECTOR_PATHS, startCollector } from './server.ts';

// `npm run telemetry -- [--port 5180] [--db dist/telemetry/telemetry.sqlite] [--host 127.0.0.1]`:
// the telemetry collector on its own, for a team to run (npm start runs one beside the app).

const USAGE = `usage: npm run telemetry -- [--port N] [--db FILE] [--host ADDRESS]
  --port   where to listen (default ${DEFAULT_TELEMETRY_PORT}; 0 picks a free port)
  --db     the SQLite file to keep events in (default ${DEFAULT_TELEMETRY_DB})
  --host   the address to listen on (default 127.0.0.1; 0.0.0.0 lets other devices send)`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: { port?: string; db?: string; host?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help === true) {
  console.log(USAGE);
  process.exit(0);
}
const port = values.port === undefined ? DEFAULT_TELEMETRY_PORT : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);

try {
  const collector = await startCollector({
    port,
    dbPath: values.db ?? DEFAULT_TELEMETRY_DB,
    ...(values.host === undefined ? {} : { host: values.host }),
  });
  const { batches, events } = collector.store.counts();
  console.log(
    `telemetry collector at ${collector.url}: POST ${COLLECTOR_PATHS.batches}, GET ${COLLECTOR_PATHS.summary}\n` +
      `  database ${collector.store.path} (${events} events in ${batches} batches so far)`,
  );
  const stop = () => {
    void collector.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof DatabaseInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`port ${port} is in use: pass another --port (0 picks a free one)`);
    process.exit(1);
  }
  throw error;
}
