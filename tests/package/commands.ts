import { type ChildProcess, spawn } from 'node:child_process';

/**
 * The environment for commands run in the throwaway app: this process's, without what `npm test`
 * and vitest put there (npm_* settings of the repo's own npm run, NODE_ENV=test, VITEST*,
 * NODE_OPTIONS), so npm, tsx and Vite in the app behave as they would in a team's terminal.
 */
export function appEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|NODE_ENV$|NODE_OPTIONS$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Output past this many characters is cut from the front: the end says what failed. */
const OUTPUT_TAIL = 6_000;

/**
 * Runs `command args` in `cwd` to the end and returns its output; throws naming `step`, the
 * command, the folder, the exit code and the end of its output when it fails. No time limit of
 * its own: the test's timeout is the only clock.
 *
 * @example
 * await runStep('install the tarball', 'npm', ['install', tarball], appDir);
 */
export function runStep(
  step: string,
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = appEnv(),
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new Error(`${step}: could not run ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${step} failed: \`${command} ${args.join(' ')}\` in ${cwd} ended with ${code ?? signal}:\n${output.slice(-OUTPUT_TAIL)}`,
          ),
        );
    });
  });
}

/** A server started by `startServer`: where it listens, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  stop(): void;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI color codes are control characters
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Starts a long-running server (`vite preview --port 0`) and resolves with the first
 * `http://127.0.0.1:PORT/` it prints; rejects naming `step` with its output if it exits first.
 *
 * @example
 * const server = await startServer('vite preview', process.execPath, [vite, 'preview', '--port', '0'], appDir);
 */
export function startServer(
  step: string,
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let started = false;
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString().replace(ANSI, '');
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url !== undefined && !started) {
        started = true;
        resolve({ url, stop });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('error', (error) => reject(new Error(`${step}: could not run ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (!started)
        reject(
          new Error(`${step} exited (${code ?? signal}) before it listened:\n${output.slice(-OUTPUT_TAIL)}`),
        );
    });
  });
}
