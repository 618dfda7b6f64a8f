import { useIsFocused } from '../hooks/use-is-focused.ts';
import { Text, View } from '../primitives.ts';

function Card({ focusKey, x }: { readonly focusKey: string; readonly x: number }) {
  const focused = useIsFocused(focusKey);
  return (
    <View
      x={x}
      y={160}
      width={360}
      height={200}
      focusKey={focusKey}
      backgroundColor={focused ? '#e8b04a' : '#2b3a55'}
      borderRadius={12}
    >
      <Text x={20} y={80} width={320} height={40} fontSize={30} color={focused ? '#000000' : '#ffffff'}>
        {focused ? 'Focused' : 'Not focused'}
      </Text>
    </View>
  );
}

/** useIsFocused: style a node by whether it has focus, without tracking onFocus/onBlur yourself. */
export function IsFocusedExample() {
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <Card focusKey="card-1" x={80} />
      <Card focusKey="card-2" x={480} />
      <Card focusKey="card-3" x={880} />
    </View>
  );
}
