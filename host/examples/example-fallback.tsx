import { Text, View } from '../../legacy-react/index.ts';

/**
 * What the React world shows for a WASM example that did not load (a build without examples, a
 * module that crashed): every page has a React fallback, and this one says where to look.
 */
export function ExampleFallback() {
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#101418">
      <View x={160} y={420} width={1600} height={240} focusKey="example:fallback" backgroundColor="#1b222b">
        <Text x={40} y={40} width={1520} height={60} fontSize={40} color="#ffffff">
          This WASM example did not load
        </Text>
        <Text x={40} y={120} width={1520} height={80} fontSize={28} color="#9aa4b2">
          Run npm run build:wasm (npm start builds the examples), then see the console for why.
        </Text>
      </View>
    </View>
  );
}
