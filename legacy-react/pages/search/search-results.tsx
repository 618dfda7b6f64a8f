import type { SearchResponse, TitleSummary } from '../../../bridge/index.ts';
import type { FetchState } from '../../hooks/use-fetch.ts';
import { Text, View } from '../../primitives.ts';
import { ErrorPanel, LoadingPanel } from '../shared/status-panels.tsx';
import { theme } from '../shared/theme.ts';
import { ResultsGrid } from './results-grid.tsx';
import { RESULTS_HEADER, RESULTS_PANEL } from './search-layout.ts';

export const SEARCH_HINT = 'Results appear here as you type';

export interface SearchResultsProps {
  /** The query searched for (trimmed); empty before the viewer types. */
  readonly query: string;
  readonly search: FetchState<SearchResponse>;
  readonly onSelect: (title: TitleSummary) => void;
}

/** The right-hand side of the search page: a hint, a placeholder, an error, "no results" or the grid. */
export function SearchResults({ query, search, onSelect }: SearchResultsProps) {
  if (query === '') return <Message text={SEARCH_HINT} />;
  if (search.status === 'error') {
    return <ErrorPanel {...RESULTS_PANEL} message={search.error.message} onRetry={search.retry} />;
  }
  // Until the request for a new query starts, useFetch still holds the answer for the previous
  // one; the backend echoes the query, so only an answer for this query is shown.
  if (search.status === 'loading' || search.data.query !== query) {
    return <LoadingPanel {...RESULTS_PANEL} label="Searching…" />;
  }
  const { results } = search.data;
  if (results.length === 0) return <Message text={`No results for “${query}”`} />;
  return (
    <>
      <Text {...RESULTS_HEADER} fontSize={28} color={theme.textMuted} maxLines={1}>
        {`${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`}
      </Text>
      <ResultsGrid key={query} results={results} onSelect={onSelect} />
    </>
  );
}

function Message({ text }: { readonly text: string }) {
  const { x, y, width, height } = RESULTS_PANEL;
  return (
    <View x={x} y={y} width={width} height={height} backgroundColor={theme.surface} borderRadius={12}>
      <Text
        x={40}
        y={height / 2 - 20}
        width={width - 80}
        height={40}
        fontSize={30}
        textAlign="center"
        color={theme.textMuted}
        maxLines={1}
      >
        {text}
      </Text>
    </View>
  );
}
