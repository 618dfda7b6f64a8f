import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { apiPaths, ProfilesResponseSchema } from '../../../bridge/index.ts';
import { Text, useFetch, useNavigation, View } from '../../../legacy-react/index.ts';
import { setupMockBackend } from '../../support/backend-harness.ts';
import { runParity, sceneDiff } from '../../support/parity.ts';

setupMockBackend();

/** A React twin of the `ok-page` fixture (tests/fixtures/wasm-pages/ok-page.ts), written to match it. */
function OkPageTwin({ buttonColor = '#203040' }: { readonly buttonColor?: string }) {
  const [focused, setFocused] = useState(false);
  const [x, setX] = useState(100);
  const profiles = useFetch(apiPaths.profiles(), ProfilesResponseSchema);
  const { navigate, back } = useNavigation();
  const [label, setLabel] = useState('OK');
  useEffect(() => {
    if (profiles.status === 'ready') setLabel('loaded');
    if (profiles.status === 'error') setLabel('failed');
  }, [profiles.status]);
  return (
    <View
      x={x}
      y={200}
      width={400}
      height={120}
      backgroundColor={focused ? '#ffcc00' : buttonColor}
      focusKey="ok:button"
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onSelect={() => navigate('details', { id: 't1' })}
      onArrow={(direction) => (direction === 'left' ? setX(80) : direction === 'up' ? back() : undefined)}
    >
      <Text color="#ffffff" fontSize={32}>
        {label}
      </Text>
    </View>
  );
}

const script = [
  { do: 'mount' },
  { do: 'settle' },
  { do: 'focusInitial' },
  { do: 'press', direction: 'left' },
  { do: 'select' },
  { do: 'press', direction: 'up' },
] as const;

// These runs test the harness on a fixture page, so they are not recorded for coverage.
const FIXTURE = { record: false } as const;

describe('runParity', () => {
  it('passes when the React page and the WASM page behave the same at every step', async () => {
    const report = await runParity(
      { route: 'ok-page', react: () => <OkPageTwin />, wasm: 'fixture-ok-page' },
      script,
      FIXTURE,
    );
    expect(report.differences).toEqual([]);
    expect(report.differingSteps).toEqual([]);
    expect(report.steps).toBe(script.length);
  });

  it('plays the whole script and reports every differing step with a unified diff', async () => {
    const report = await runParity(
      { route: 'ok-page', react: () => <OkPageTwin buttonColor="#000000" />, wasm: 'fixture-ok-page' },
      script,
      FIXTURE,
    );
    expect(report.steps).toBe(script.length);
    // The unfocused color shows at mount and settle; focused (from focusInitial on) both draw #ffcc00,
    // until select navigates (both pages stay drawn, focused) and up asks for back.
    expect(report.differingSteps).toEqual([1, 2]);
    expect(report.differences[0]).toContain('after step 1 (mount {}): scenes differ');
    expect(report.differences[0]).toMatch(/^--- React\n\+\+\+ WASM\n@@ -1,\d+ \+1,\d+ @@$/m);
    expect(report.differences[0]).toContain('-    view backgroundColor="#000000" focusKey="ok:button"');
    expect(report.differences[0]).toContain('+    view backgroundColor="#203040" focusKey="ok:button"');
    expect(report.differences[1]).toContain('after step 2 (settle): scenes differ');
  });

  it('compares the requests each step sent, so a later step is not blamed for an earlier one', async () => {
    function Navigates({ to }: { readonly to: string }) {
      const { navigate } = useNavigation();
      return <View width={10} height={10} focusKey="ok:button" onSelect={() => navigate(to, { id: 't1' })} />;
    }
    const report = await runParity(
      { route: 'ok-page', react: () => <Navigates to="search" />, wasm: 'fixture-ok-page' },
      [{ do: 'mount' }, { do: 'settle' }, { do: 'focusInitial' }, { do: 'select' }, { do: 'settle' }],
      FIXTURE,
    );
    const navigation = report.differences.filter((line) => line.includes('navigation requests sent differ'));
    expect(navigation).toHaveLength(1);
    expect(navigation[0]).toContain('after step 4 (select)');
    expect(navigation[0]).toContain('-{"type":"navigate","route":"search","params":{"id":"t1"}}');
    expect(navigation[0]).toContain('+{"type":"navigate","route":"details","params":{"id":"t1"}}');
  });
});

describe('sceneDiff', () => {
  it('is null for equal scenes and a unified diff with context otherwise', () => {
    const leaf = (text: string) => ({ kind: 'text' as const, props: { text }, children: [] });
    const tree = (text: string) => ({
      kind: 'view' as const,
      props: {},
      children: [leaf('same'), leaf(text)],
    });
    expect(sceneDiff(tree('a'), tree('a'))).toBeNull();
    expect(sceneDiff(tree('a'), tree('b'))).toBe(
      [
        '--- React',
        '+++ WASM',
        '@@ -1,3 +1,3 @@',
        ' view',
        '   text text="same"',
        '-  text text="a"',
        '+  text text="b"',
      ].join('\n'),
    );
  });
});
