import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Text, View } from '../../../../legacy-react/index.ts';
import { createLegacyHarness } from '../../../support/legacy-harness.ts';

/** What React DevTools' global hook receives from a renderer (the fields this test reads). */
interface InjectedRenderer {
  readonly rendererPackageName: string;
  readonly version: string;
  readonly reconcilerVersion: string;
  readonly bundleType: number;
}

/**
 * A stand-in for the hook the React DevTools extension installs before the page runs
 * (`__REACT_DEVTOOLS_GLOBAL_HOOK__`): it records what renderers announce and what they commit,
 * the two things DevTools needs to show a component tree.
 */
function installDevtoolsHook() {
  const renderers = new Map<number, InjectedRenderer>();
  const commits: number[] = [];
  const hook = {
    supportsFiber: true,
    isDisabled: false,
    renderers,
    inject(renderer: InjectedRenderer): number {
      const id = renderers.size + 1;
      renderers.set(id, renderer);
      return id;
    },
    onCommitFiberRoot(rendererId: number): void {
      commits.push(rendererId);
    },
    onCommitFiberUnmount(): void {},
    onPostCommitFiberRoot(): void {},
    checkDCE(): void {},
  };
  (globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;
  return { renderers, commits };
}

afterEach(() => {
  delete (globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__;
});

const packageJson = JSON.parse(
  readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
) as {
  name: string;
  version: string;
};
// The reconciler reports the React release it was built from (each reconciler minor pairs with one React minor).
const reactMinor = (
  JSON.parse(
    readFileSync(new URL('../../../../node_modules/react/package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  }
).version.replace(/^(\d+\.\d+)\..*$/, '$1');

function Hello() {
  return (
    <View x={0} y={0} width={100} height={100} focusKey="hello">
      <Text x={0} y={0} width={100} height={40}>
        Hello
      </Text>
    </View>
  );
}

describe('the React world and React DevTools', () => {
  it('announces itself to the DevTools hook under the package name and version, and reports its commits', async () => {
    const { renderers, commits } = installDevtoolsHook();
    const h = createLegacyHarness({ hello: Hello });
    expect([...renderers.values()]).toEqual([
      expect.objectContaining({
        rendererPackageName: packageJson.name,
        version: packageJson.version,
        reconcilerVersion: expect.stringMatching(new RegExp(`^${reactMinor.replace('.', '\\.')}\\.`)),
      }),
    ]);
    const [id] = renderers.keys();
    h.mount('hello');
    await h.waitFor(() => h.snapshot().includes('Hello'), 'the page drew');
    expect(commits).toContain(id);
  });
});
