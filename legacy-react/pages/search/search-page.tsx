import { useState } from 'react';
import { apiPaths, SearchResponseSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { Text } from '../../primitives.ts';
import { PageBackground } from '../shared/page-background.tsx';
import { MARGIN, theme } from '../shared/theme.ts';
import { Keyboard } from './keyboard.tsx';
import { applyKey, keyFocusKey } from './keyboard-layout.ts';
import { QueryField } from './query-field.tsx';
import { SearchResults } from './search-results.tsx';

/**
 * Route "search" (params `{ profile? }`): an on-screen keyboard on the left with the query above
 * it, and results on the right that follow every keystroke (an empty query shows a hint and
 * requests nothing). Initial focus: `key:a`. Right from the keyboard enters the results; left
 * from their first column returns to the key used last. Selecting a result opens
 * `navigate('details', { id })`.
 */
export function SearchPage() {
  const [query, setQuery] = useState('');
  const { navigate } = useNavigation();
  // Spaces only separate words: "dark " searches the same as "dark" and needs no new request.
  const searched = query.trim();
  const search = useFetch(searched === '' ? null : apiPaths.search(searched), SearchResponseSchema);

  return (
    <PageBackground preferredChild={keyFocusKey('a')}>
      <Text
        role="heading"
        x={MARGIN}
        y={60}
        width={600}
        height={60}
        fontSize={48}
        fontWeight="bold"
        color={theme.text}
      >
        Search
      </Text>
      <QueryField query={query} />
      <Keyboard onKey={(keyId) => setQuery((current) => applyKey(current, keyId))} />
      <SearchResults
        query={searched}
        search={search}
        onSelect={(title) => navigate('details', { id: title.id })}
      />
    </PageBackground>
  );
}
