import type { Direction } from '../../../bridge/index.ts';
import { useIsFocused } from '../../hooks/use-is-focused.ts';
import { Text, View } from '../../primitives.ts';
import { theme } from '../shared/theme.ts';
import { formatTime } from './format-time.ts';
import { SCRUBBER, TIME_TEXT, TRACK } from './playback-layout.ts';

export const SCRUBBER_FOCUS_KEY = 'playback:scrubber';
/** What a screen reader says for the scrubber; the times next to it are read as text. */
export const SCRUBBER_LABEL = 'Seek: left and right move 10 seconds';

export interface ProgressBarProps {
  readonly position: number;
  readonly duration: number;
  /** Left/right while the bar is focused. */
  readonly onSeek: (direction: 'left' | 'right') => void;
  /** OK while the bar is focused. */
  readonly onSelect: () => void;
}

/** The width of the filled part of a track `trackWidth` wide, in whole pixels. */
export const filledWidth = (position: number, duration: number, trackWidth: number): number =>
  duration > 0 ? Math.round((trackWidth * position) / duration) : 0;

/**
 * The focusable progress bar with elapsed and total time under it. Left and right never move
 * focus off it (its wrapper is a boundary): they reach the page as arrows and seek instead.
 */
export function ProgressBar({ position, duration, onSeek, onSelect }: ProgressBarProps) {
  const focused = useIsFocused(SCRUBBER_FOCUS_KEY);
  const trackHeight = focused ? TRACK.focusedHeight : TRACK.height;
  const trackY = (SCRUBBER.height - trackHeight) / 2;
  const filled = filledWidth(position, duration, SCRUBBER.width);

  const onArrow = (direction: Direction) => {
    if (direction === 'left' || direction === 'right') onSeek(direction);
  };

  return (
    <>
      {/* The boundary sits on a wrapper: the focus engine fences focus inside a node's ancestors. */}
      <View
        x={SCRUBBER.x}
        y={SCRUBBER.y}
        width={SCRUBBER.width}
        height={SCRUBBER.height}
        boundary={['left', 'right']}
      >
        <View
          focusKey={SCRUBBER_FOCUS_KEY}
          role="button"
          label={SCRUBBER_LABEL}
          x={0}
          y={0}
          width={SCRUBBER.width}
          height={SCRUBBER.height}
          onArrow={onArrow}
          onSelect={onSelect}
        >
          <View
            x={0}
            y={trackY}
            width={SCRUBBER.width}
            height={trackHeight}
            borderRadius={trackHeight / 2}
            backgroundColor="#ffffff33"
          >
            <View
              x={0}
              y={0}
              width={filled}
              height={trackHeight}
              borderRadius={trackHeight / 2}
              backgroundColor={theme.accent}
            />
          </View>
          {focused ? (
            <View
              x={filled - 14}
              y={(SCRUBBER.height - 28) / 2}
              width={28}
              height={28}
              borderRadius={14}
              backgroundColor={theme.text}
            />
          ) : null}
        </View>
      </View>
      <Text
        x={SCRUBBER.x}
        y={TIME_TEXT.y}
        width={TIME_TEXT.width}
        height={TIME_TEXT.height}
        fontSize={28}
        color={theme.text}
      >
        {formatTime(position)}
      </Text>
      <Text
        x={SCRUBBER.x + SCRUBBER.width - TIME_TEXT.width}
        y={TIME_TEXT.y}
        width={TIME_TEXT.width}
        height={TIME_TEXT.height}
        fontSize={28}
        textAlign="right"
        color={theme.textMuted}
      >
        {formatTime(duration)}
      </Text>
    </>
  );
}
