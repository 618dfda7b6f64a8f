import { Text, View } from '../primitives.ts';

/** Text: strings only (never HTML), with size, weight, color, alignment and line clamping. */
export function TextExample() {
  const markup = '<b>this is shown as text, not markup</b>';
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <Text x={80} y={60} width={1600} height={64} fontSize={56} fontWeight="bold" color="#ffffff">
        Text
      </Text>
      <Text x={80} y={160} width={800} height={40} fontSize={30} color="#e8b04a" textAlign="right">
        Right-aligned in an 800 px box
      </Text>
      <Text x={80} y={230} width={600} height={36} fontSize={28} color="#8b949e" maxLines={1}>
        A single line that is far too long to fit in its box gets an ellipsis at the end
      </Text>
      <Text x={80} y={300} width={1600} height={36} fontSize={28} color="#ffffff">
        {markup}
      </Text>
      <Text x={80} y={370} width={1600} height={36} fontSize={28} color="#ffffff">
        Numbers work too: {42}
      </Text>
    </View>
  );
}
