import { Text, View } from 'ficus/legacy-react';

/** What React serves for "shelf" when the WASM world cannot (no WebAssembly, a crash, a kill switch). */
export function ShelfFallbackPage() {
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#10141a">
      <View x={80} y={180} width={480} height={90} backgroundColor="#553a2b" focusKey="fallback">
        <Text x={20} y={26} width={440} height={40} fontSize={30} color="#ffffff">
          Shelf (React fallback)
        </Text>
      </View>
    </View>
  );
}
