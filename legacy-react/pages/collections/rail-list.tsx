import type { Rail as RailData, TitleSummary } from '../../../bridge/index.ts';
import { View } from '../../primitives.ts';
import { RAIL, Rail } from '../shared/rail.tsx';
import { MOTION, STAGE } from '../shared/theme.ts';
import { RAILS_VIEWPORT } from './layout.ts';

export interface RailListProps {
  readonly rails: readonly RailData[];
  /** Index of the rail holding focus (or holding it last): it is scrolled to the top of the window. */
  readonly focusedRail: number;
  readonly onTileFocus: (railIndex: number, title: TitleSummary) => void;
  readonly onTileSelect: (title: TitleSummary) => void;
}

/**
 * All rails stacked vertically in a window under the hero; the stack glides so the focused rail
 * sits at the top of the window. It is a focus group, so coming back down from the header
 * returns to the tile you left.
 */
export function RailList({ rails, focusedRail, onTileFocus, onTileSelect }: RailListProps) {
  const scrollTop = focusedRail * RAIL.height;
  return (
    <View x={0} y={RAILS_VIEWPORT.y} width={STAGE.width} height={RAILS_VIEWPORT.height} clip>
      {/* 0 - scrollTop, not -scrollTop: the latter is -0 at the top, and -0 would reach the scene. */}
      <View
        x={0}
        y={0 - scrollTop}
        width={STAGE.width}
        height={rails.length * RAIL.height}
        animate={['y']}
        animateDuration={MOTION.scrollMs}
        animateEasing={MOTION.easing}
        focusGroup
      >
        {rails.map((rail, index) => (
          // Left/Right stop at the ends of a rail instead of jumping to a tile of another rail.
          <View
            key={rail.id}
            x={0}
            y={index * RAIL.height}
            width={STAGE.width}
            height={RAIL.height}
            boundary={['left', 'right']}
          >
            <Rail
              rail={rail}
              y={0}
              onTileFocus={(title) => onTileFocus(index, title)}
              onTileSelect={onTileSelect}
            />
          </View>
        ))}
      </View>
    </View>
  );
}
