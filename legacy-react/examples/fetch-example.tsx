import { apiPaths, ProfilesResponseSchema } from '../../bridge/index.ts';
import { useFetch } from '../hooks/use-fetch.ts';
import { Text, View } from '../primitives.ts';

/** useFetch: loading, then typed data validated by the API contract, or an error with retry. */
export function FetchExample() {
  const profiles = useFetch(apiPaths.profiles(), ProfilesResponseSchema);
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      {profiles.status === 'loading' && (
        <Text x={80} y={60} width={1600} height={48} fontSize={36} color="#8b949e">
          Loading profiles…
        </Text>
      )}
      {profiles.status === 'error' && (
        <View
          x={80}
          y={60}
          width={800}
          height={120}
          focusKey="retry"
          backgroundColor="#21262d"
          onSelect={profiles.retry}
        >
          <Text x={20} y={20} width={760} height={36} fontSize={28} color="#f85149" maxLines={1}>
            {profiles.error.message}
          </Text>
          <Text x={20} y={64} width={760} height={36} fontSize={28} color="#ffffff">
            Select to retry
          </Text>
        </View>
      )}
      {profiles.status === 'ready' &&
        profiles.data.profiles.map((profile, index) => (
          <Text
            key={profile.id}
            x={80}
            y={60 + index * 56}
            width={800}
            height={48}
            fontSize={36}
            color={profile.avatarColor}
          >
            {profile.name}
          </Text>
        ))}
    </View>
  );
}
