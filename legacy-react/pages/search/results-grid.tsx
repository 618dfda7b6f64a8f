import { useState } from 'react';
import type { TitleSummary } from '../../../bridge/index.ts';
import { View } from '../../primitives.ts';
import { MOTION } from '../shared/theme.ts';
import { TILE, Tile } from '../shared/tile.tsx';
import { RESULT_COLUMNS, RESULT_STRIDE, RESULTS_AREA, VISIBLE_RESULT_ROWS } from './search-layout.ts';

/** The focus key of result `index` (0 is top-left, then row by row). */
export const resultFocusKey = (index: number): string => `result:${index}`;

export interface ResultsGridProps {
  readonly results: readonly TitleSummary[];
  readonly onSelect: (title: TitleSummary) => void;
}

/**
 * Poster tiles, {@link RESULT_COLUMNS} to a row. Focus enters at the first result, or the one
 * left last; the grid glides by whole rows to keep the focused tile visible.
 */
export function ResultsGrid({ results, onSelect }: ResultsGridProps) {
  const [firstRow, setFirstRow] = useState(0);
  const rows = Math.ceil(results.length / RESULT_COLUMNS);

  const reveal = (row: number) => {
    setFirstRow((first) => {
      if (row < first) return row;
      if (row >= first + VISIBLE_RESULT_ROWS) return row - VISIBLE_RESULT_ROWS + 1;
      return first;
    });
  };

  return (
    <View x={RESULTS_AREA.x} y={RESULTS_AREA.y} width={RESULTS_AREA.width} height={RESULTS_AREA.height} clip>
      <View
        x={0}
        y={-firstRow * RESULT_STRIDE.y}
        width={RESULTS_AREA.width}
        height={rows * RESULT_STRIDE.y - TILE.gap}
        animate={['y']}
        animateDuration={MOTION.scrollMs}
        animateEasing={MOTION.easing}
        focusGroup
        preferredChild={resultFocusKey(0)}
      >
        {results.map((title, index) => (
          <Tile
            // Keyed by position, like the focus key: a new query mounts a new grid anyway.
            key={resultFocusKey(index)}
            title={title}
            focusKey={resultFocusKey(index)}
            x={(index % RESULT_COLUMNS) * RESULT_STRIDE.x}
            y={Math.floor(index / RESULT_COLUMNS) * RESULT_STRIDE.y}
            onFocus={() => reveal(Math.floor(index / RESULT_COLUMNS))}
            onSelect={() => onSelect(title)}
          />
        ))}
      </View>
    </View>
  );
}
