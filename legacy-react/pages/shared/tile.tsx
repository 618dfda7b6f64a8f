import { useState } from 'react';
import type { TitleSummary } from '../../../bridge/index.ts';
import { Image, Text, View } from '../../primitives.ts';
import { MOTION, theme } from './theme.ts';

export const TILE = { width: 300, height: 170, gap: 24, labelHeight: 40 } as const;

export interface TileProps {
  readonly title: TitleSummary;
  readonly focusKey: string;
  readonly x: number;
  readonly y: number;
  /**
   * The tile grows (MOTION.focusScale, animated) while it is focused. Only where there is room
   * around it (a rail); a tile at the edge of a clipped grid would be cut off.
   */
  readonly growOnFocus?: boolean;
  readonly onFocus?: () => void;
  readonly onSelect: () => void;
}

/** A poster tile with its title underneath; a border shows while it is focused (and it grows, if asked). */
export function Tile({ title, focusKey, x, y, growOnFocus = false, onFocus, onSelect }: TileProps) {
  const [focused, setFocused] = useState(false);
  return (
    <View
      focusKey={focusKey}
      role="button"
      label={title.title}
      x={x}
      y={y}
      width={TILE.width}
      height={TILE.height + TILE.labelHeight}
      {...(growOnFocus
        ? {
            scale: focused ? MOTION.focusScale : 1,
            animate: ['scale'] as const,
            animateDuration: MOTION.focusMs,
            animateEasing: MOTION.easing,
          }
        : {})}
      onFocus={() => {
        setFocused(true);
        onFocus?.();
      }}
      onBlur={() => setFocused(false)}
      onSelect={onSelect}
    >
      <View
        x={0}
        y={0}
        width={TILE.width}
        height={TILE.height}
        clip
        borderRadius={8}
        backgroundColor={theme.tile}
        borderColor={theme.focusBorder}
        borderWidth={focused ? 4 : 0}
      >
        <Image x={0} y={0} width={TILE.width} height={TILE.height} src={title.imageUrl} fit="cover" />
      </View>
      <Text
        x={4}
        y={TILE.height + 6}
        width={TILE.width - 8}
        height={30}
        fontSize={22}
        color={focused ? theme.text : theme.textMuted}
        maxLines={1}
      >
        {title.title}
      </Text>
    </View>
  );
}
