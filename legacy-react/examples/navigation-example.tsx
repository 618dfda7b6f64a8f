import { useHistory } from '../hooks/use-history.ts';
import { useNavigation } from '../hooks/use-navigation.ts';
import { useParams } from '../hooks/use-params.ts';
import { Text, View } from '../primitives.ts';

/** useNavigation, useParams and useHistory: ask the router for pages; read params and history. */
export function NavigationExample() {
  const { navigate, back } = useNavigation();
  const { step = '1' } = useParams();
  const { entries, index } = useHistory();
  const next = String(Number(step) + 1);
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <Text x={80} y={60} width={1600} height={48} fontSize={40} color="#ffffff">
        Step {step}: history has {entries.length} entries, current {index}
      </Text>
      <View
        x={80}
        y={160}
        width={400}
        height={80}
        backgroundColor="#2b3a55"
        focusKey="next"
        onSelect={() => navigate('example-navigation', { step: next })}
      >
        <Text x={20} y={22} width={360} height={36} fontSize={28} color="#ffffff">
          Next (step {next})
        </Text>
      </View>
      <View x={520} y={160} width={400} height={80} backgroundColor="#2b3a55" focusKey="back" onSelect={back}>
        <Text x={20} y={22} width={360} height={36} fontSize={28} color="#ffffff">
          Back
        </Text>
      </View>
    </View>
  );
}
