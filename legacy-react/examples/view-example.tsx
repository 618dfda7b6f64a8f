import { useState } from 'react';
import { Text, View } from '../primitives.ts';

/** View: rectangles positioned relative to their parent; a focusKey makes one focusable. */
export function ViewExample() {
  const [selected, setSelected] = useState(0);
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <Text x={80} y={60} width={1600} height={48} fontSize={40} color="#ffffff">
        View: nested boxes, focus and select
      </Text>
      <View x={80} y={160} width={900} height={400} backgroundColor="#161b22" borderRadius={16} clip>
        {/* Children are positioned relative to this box, and clipped to it. */}
        <View
          x={40}
          y={40}
          width={240}
          height={160}
          backgroundColor="#2b3a55"
          focusKey="box-a"
          onSelect={() => setSelected((n) => n + 1)}
        />
        <View
          x={320}
          y={40}
          width={240}
          height={160}
          backgroundColor="#3d5a80"
          focusKey="box-b"
          onSelect={() => setSelected((n) => n + 1)}
        />
        <View x={780} y={300} width={240} height={160} backgroundColor="#98c1d9" opacity={0.6} />
      </View>
      <Text x={80} y={600} width={900} height={40} fontSize={30} color="#8b949e">
        Selected {selected} times
      </Text>
    </View>
  );
}
