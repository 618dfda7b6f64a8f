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

describe('runParity', () => {
  it('passes when the React page and the WASM page behave the same at every step', async () => {
    const report = await runParity(
      { route: 'ok-page', react: () => <OkPageTwin />, wasm: 'fixture-ok-page' },
      script,
    );
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);
  });

  it('stops at the first diverging step and prints a readable diff', async () => {
    const report = await runParity(
      { route: 'ok-page', react: () => <OkPageTwin buttonColor="#000000" />, wasm: 'fixture-ok-page' },
      script,
    );
    expect(report.steps).toBe(1);
    expect(report.differences[0]).toContain('after step 1 (mount {}): scenes differ');
    expect(report.differences[0]).toContain('- ');
    expect(report.differences[0]).toContain('backgroundColor="#000000"');
    expect(report.differences[0]).toContain('backgroundColor="#203040"');
  });
});

describe('sceneDiff', () => {
  it('is null for equal scenes and shows context and both sides otherwise', () => {
    const leaf = (text: string) => ({ kind: 'text' as const, props: { text }, children: [] });
    const tree = (text: string) => ({
      kind: 'view' as const,
      props: {},
      children: [leaf('same'), leaf(text)],
    });
    expect(sceneDiff(tree('a'), tree('a'))).toBeNull();
    expect(sceneDiff(tree('a'), tree('b'))).toBe(
      [
        'first difference at line 3 (- React, + WASM):',
        '  view',
        '    text text="same"',
        '-   text text="a"',
        '+   text text="b"',
      ].join('\n'),
    );
  });
});
