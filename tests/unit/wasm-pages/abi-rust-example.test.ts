import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSceneBatch, type SceneOp } from '../../../bridge/index.ts';
import { WasmWorld } from '../../../wasm-pages/runtime/wasm-world.ts';
import type { WasmWorldMessage } from '../../../wasm-pages/runtime/world-messages.ts';
import { hasSystemTool, RUSTC_INSTALL, RUSTC_PATH } from '../../support/system-tool.ts';

// ABI.md section 9 is a whole page in Rust: this test builds it with the command the section
// gives, from the section's own text, and runs it on the real runtime (in-process), so the
// example an author copies keeps working. It needs Debian's rustc and libstd-rust-dev-wasm32
// (TOOLCHAIN.md; .ci/run installs them); without /usr/bin/rustc it fails saying how to install it.

const RUSTC = RUSTC_PATH;
const ABI = readFileSync(new URL('../../../wasm-pages/ABI.md', import.meta.url), 'utf8');
const section9 = ABI.slice(ABI.indexOf('\n## 9. '), ABI.indexOf('\n## 10. '));
const source = /```rust\n([\s\S]*?)\n```/.exec(section9)?.[1];
const command = /```\n(\/usr\/bin\/rustc [^\n]*)\n```/.exec(section9)?.[1];

const work = mkdtempSync(join(tmpdir(), 'ficus-abi-rust-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(hasSystemTool(RUSTC, RUSTC_INSTALL, 'the Rust page of ABI.md section 9'))(
  'ABI.md section 9: the Rust page (needs /usr/bin/rustc)',
  () => {
    it('builds with the command given and mounts, draws and logs as the section says', async () => {
      if (!existsSync(RUSTC))
        throw new Error(
          `${RUSTC} is missing (install it: apt-get install -y rustc libstd-rust-dev-wasm32, as root; .ci/run does)`,
        );
      if (source === undefined || command === undefined)
        throw new Error('ABI.md section 9 has no ```rust block or no /usr/bin/rustc command block');
      writeFileSync(join(work, 'page.rs'), `${source}\n`);
      const [program = '', ...args] = command.split(' ');
      await promisify(execFile)(program, args, { cwd: work, timeout: 300_000 });
      const bytes = new Uint8Array(readFileSync(join(work, 'page.wasm')));

      const sent: WasmWorldMessage[] = [];
      const world = new WasmWorld({ send: (message) => sent.push(message) });
      expect(await world.load('hello', bytes)).toEqual({ ok: true, page: 'hello' });
      const mounted = world.mount('entry-1', 'hello', {});
      if (mounted.status !== 'mounted')
        throw new Error(`the Rust page did not mount: ${JSON.stringify(mounted)}`);
      world.frame(16);
      const ops = sent.flatMap((message): readonly SceneOp[] => {
        if (message.type !== 'scene.batch') return [];
        const decoded = decodeSceneBatch(message.bytes);
        if (!decoded.ok) throw new Error(decoded.error.message);
        return decoded.ops;
      });
      const button = mounted.firstId;
      expect(ops).toContainEqual({ op: 'setProp', id: button, name: 'focusKey', value: 'hello' });
      expect(ops).toContainEqual({ op: 'setProp', id: button + 1, name: 'text', value: 'Hello from Rust' });
      expect(ops.at(-1)).toEqual({ op: 'append', parent: mounted.rootId, child: button });

      sent.length = 0;
      expect(
        world.event('entry-1', { type: 'select', world: 'wasm', nodeId: button, focusKey: 'hello' }),
      ).toEqual({
        status: 'delivered',
      });
      expect(sent.filter((message) => message.type === 'log')).toEqual([
        {
          type: 'log',
          page: 'hello',
          key: 'entry-1',
          level: 'info',
          message: 'selected hello',
          source: 'page',
        },
      ]);
    });
  },
);
