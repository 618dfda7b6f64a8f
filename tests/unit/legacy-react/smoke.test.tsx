import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Text, View } from '../../../legacy-react/index.ts';
import { createLegacyHarness } from '../../support/legacy-harness.ts';

function Counter() {
  const [count, setCount] = useState(0);
  return (
    <View x={10} y={20} width={200} height={100} focusKey="counter" onSelect={() => setCount((c) => c + 1)}>
      <Text fontSize={20}>Count {count}</Text>
    </View>
  );
}

describe('smoke', () => {
  it('renders and updates', async () => {
    const h = createLegacyHarness({ counter: Counter });
    h.mount('counter');
    console.log(h.snapshot());
    h.focus.focusInitial();
    h.select();
    await h.settle();
    console.log(h.snapshot(), h.messages.map((m) => JSON.stringify(m)).join('\n'));
    expect(h.rejected).toEqual([]);
  });
});
