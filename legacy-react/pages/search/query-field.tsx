import { Text, View } from '../../primitives.ts';
import { theme } from '../shared/theme.ts';
import { QUERY_FIELD } from './search-layout.ts';

export const QUERY_PLACEHOLDER = 'Type to search';

/** The text typed so far, above the keyboard, or a muted placeholder while it is empty. */
export function QueryField({ query }: { readonly query: string }) {
  const empty = query === '';
  return (
    <View
      x={QUERY_FIELD.x}
      y={QUERY_FIELD.y}
      width={QUERY_FIELD.width}
      height={QUERY_FIELD.height}
      borderRadius={8}
      backgroundColor={theme.surface}
    >
      <Text
        x={20}
        y={(QUERY_FIELD.height - 40) / 2}
        width={QUERY_FIELD.width - 40}
        height={40}
        fontSize={32}
        maxLines={1}
        color={empty ? theme.textMuted : theme.text}
      >
        {empty ? QUERY_PLACEHOLDER : query}
      </Text>
    </View>
  );
}
