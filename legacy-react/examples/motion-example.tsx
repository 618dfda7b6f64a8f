import { useState } from 'react';
import { Text, View } from '../primitives.ts';

const CARDS = Array.from({ length: 12 }, (_, index) => index);
const STRIDE = 340;
/** Cards fully in view; the rail glides so the focused one stays among them. */
const VISIBLE = 5;

function Card({ index, onFocus }: { readonly index: number; readonly onFocus: () => void }) {
  const [focused, setFocused] = useState(false);
  return (
    <View
      focusKey={`motion:${index}`}
      x={index * STRIDE}
      y={0}
      width={320}
      height={200}
      backgroundColor={focused ? '#3d5a80' : '#2b3a55'}
      borderRadius={12}
      // The focused card grows about its center; only scale animates (150 ms, the default easing).
      scale={focused ? 1.1 : 1}
      animate={['scale']}
      animateDuration={150}
      onFocus={() => {
        setFocused(true);
        onFocus();
      }}
      onBlur={() => setFocused(false)}
    >
      <Text x={20} y={80} width={280} height={40} fontSize={30} color="#ffffff">
        {`Card ${index + 1}`}
      </Text>
    </View>
  );
}

/**
 * animate, scale: an animated rail. The strip's x changes when focus nears an edge, and the host
 * glides it there (animate x, 250 ms, ease-out); the focused card grows (animate scale). The
 * scene only ever holds the targets: the host runs the motion.
 */
export function MotionExample() {
  const [first, setFirst] = useState(0);
  const reveal = (index: number) =>
    setFirst((current) => {
      if (index < current) return index;
      if (index >= current + VISIBLE) return index - VISIBLE + 1;
      return current;
    });
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <Text x={80} y={40} width={1600} height={50} fontSize={36} color="#ffffff">
        A rail that glides; the focused card grows
      </Text>
      <View x={0} y={160} width={1920} height={300} clip>
        <View
          x={80 - first * STRIDE}
          y={50}
          width={CARDS.length * STRIDE}
          height={200}
          animate={['x']}
          animateDuration={250}
          animateEasing="ease-out"
          focusGroup
          boundary={['left', 'right']}
        >
          {CARDS.map((index) => (
            <Card key={index} index={index} onFocus={() => reveal(index)} />
          ))}
        </View>
      </View>
    </View>
  );
}
