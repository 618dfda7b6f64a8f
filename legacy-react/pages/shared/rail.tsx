import { useState } from 'react';
import type { Rail as RailData, TitleSummary } from '../../../bridge/index.ts';
import { Text, View } from '../../primitives.ts';
import { MARGIN, MOTION, STAGE, theme } from './theme.ts';
import { TILE, Tile } from './tile.tsx';

export const RAIL = { height: 270, titleHeight: 44 } as const;
const STRIDE = TILE.width + TILE.gap;
/** Tiles fully visible at once; the rail scrolls so the focused one stays among them. */
const VISIBLE_TILES = Math.floor((STAGE.width - MARGIN) / STRIDE);

/** The focus key of tile `index` of rail `railId`: stable, so focus can be restored on Back. */
export const tileFocusKey = (railId: string, index: number): string => `tile:${railId}:${index}`;

export interface RailProps {
  readonly rail: RailData;
  readonly y: number;
  readonly onTileFocus: (title: TitleSummary) => void;
  readonly onTileSelect: (title: TitleSummary) => void;
}

/**
 * A titled row of tiles. It is a focus group (coming back into the rail returns to the tile you
 * left) and glides horizontally to keep the focused tile on screen; the focused tile grows.
 */
export function Rail({ rail, y, onTileFocus, onTileSelect }: RailProps) {
  const [firstVisible, setFirstVisible] = useState(0);

  const reveal = (index: number) => {
    setFirstVisible((first) => {
      if (index < first) return index;
      if (index >= first + VISIBLE_TILES - 1) return Math.max(0, index - VISIBLE_TILES + 2);
      return first;
    });
  };

  return (
    <View x={0} y={y} width={STAGE.width} height={RAIL.height}>
      <Text x={MARGIN} y={0} width={1200} height={36} fontSize={30} fontWeight="bold" color={theme.text}>
        {rail.title}
      </Text>
      <View x={0} y={RAIL.titleHeight} width={STAGE.width} height={RAIL.height - RAIL.titleHeight} clip>
        <View
          x={MARGIN - firstVisible * STRIDE}
          y={8}
          width={rail.items.length * STRIDE}
          height={TILE.height + TILE.labelHeight}
          animate={['x']}
          animateDuration={MOTION.scrollMs}
          animateEasing={MOTION.easing}
          focusGroup
        >
          {rail.items.map((title, index) => (
            <Tile
              // Keyed by position: the focus key is positional too, so Back restores the same slot.
              key={tileFocusKey(rail.id, index)}
              title={title}
              focusKey={tileFocusKey(rail.id, index)}
              x={index * STRIDE}
              y={0}
              growOnFocus
              onFocus={() => {
                reveal(index);
                onTileFocus(title);
              }}
              onSelect={() => onTileSelect(title)}
            />
          ))}
        </View>
      </View>
    </View>
  );
}
