import { Text, useNavigation, View } from 'ficus/legacy-react';

/** The React world's page: one focusable button; Enter opens the shelf, which WASM serves. */
export function HomePage() {
  const { navigate } = useNavigation();
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#10141a">
      <Text x={80} y={60} width={1600} height={60} fontSize={48} color="#ffffff">
        Home (React)
      </Text>
      <View
        x={80}
        y={180}
        width={480}
        height={90}
        backgroundColor="#2b3a55"
        focusKey="open-shelf"
        onSelect={() => navigate('shelf')}
      >
        <Text x={20} y={26} width={440} height={40} fontSize={30} color="#ffffff">
          Open the shelf
        </Text>
      </View>
    </View>
  );
}
