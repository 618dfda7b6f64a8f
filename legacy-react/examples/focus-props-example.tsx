import { useState } from 'react';
import { Text, View } from '../primitives.ts';

/**
 * Focus props: a focusGroup remembers its last child, preferredChild picks where focus enters,
 * boundary keeps focus in, onArrow gets the arrows that moved no focus.
 */
export function FocusPropsExample() {
  const [nudges, setNudges] = useState(0);
  const row = (name: string, y: number, extra: { preferredChild?: string } = {}) => (
    <View x={80} y={y} width={1760} height={160} focusGroup {...extra}>
      {[0, 1, 2, 3, 4].map((i) => (
        <View
          key={i}
          x={i * 340}
          y={0}
          width={320}
          height={160}
          backgroundColor="#2b3a55"
          focusKey={`${name}-${i}`}
        />
      ))}
    </View>
  );
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117" preferredChild="top-2">
      <Text x={80} y={40} width={1600} height={40} fontSize={32} color="#ffffff">
        Rows remember their tile; focus starts on the middle of the top row
      </Text>
      {row('top', 120)}
      {row('bottom', 320, { preferredChild: 'bottom-4' })}
      <View
        x={80}
        y={560}
        width={600}
        height={80}
        backgroundColor="#3d5a80"
        focusKey="slider"
        boundary={['left', 'right']}
        onArrow={(direction) => setNudges((n) => n + (direction === 'right' ? 1 : -1))}
      >
        <Text x={20} y={22} width={560} height={36} fontSize={28} color="#ffffff">
          Left/right nudge: {nudges}
        </Text>
      </View>
    </View>
  );
}
