import { useEffect, useReducer } from 'react';
import type { PlaybackInfo } from '../../../bridge/index.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { Text, View } from '../../primitives.ts';
import { Button } from '../shared/button.tsx';
import { MARGIN, STAGE, theme } from '../shared/theme.ts';
import { CONTROLS } from './playback-layout.ts';
import { playerReducer, SEEK_STEP_SECONDS, startPlayer, toggleLabel } from './player-state.ts';
import { ProgressBar } from './progress-bar.tsx';
import { useStartTelemetry } from './start-telemetry.ts';

export const TOGGLE_FOCUS_KEY = 'playback:toggle';
export const BACK_FOCUS_KEY = 'playback:back';
/** One tick of the simulated clock: position advances a second per second while playing. */
export const TICK_MS = 1000;

/** The simulated player for a loaded title: it starts playing at once. */
export function Player({ info }: { readonly info: PlaybackInfo }) {
  const [player, dispatch] = useReducer(playerReducer, info.durationSeconds, startPlayer);
  const { back } = useNavigation();
  useStartTelemetry(info);

  useEffect(() => {
    if (player.status !== 'playing') return;
    const timer = setInterval(() => dispatch({ type: 'tick' }), TICK_MS);
    return () => clearInterval(timer);
  }, [player.status]);

  const toggle = () => dispatch({ type: 'toggle' });
  const overlay = player.status === 'paused' ? 'Paused' : player.status === 'ended' ? 'Ended' : null;

  return (
    <>
      <Text
        role="heading"
        x={MARGIN}
        y={80}
        width={STAGE.width - 2 * MARGIN}
        height={60}
        fontSize={48}
        fontWeight="bold"
        maxLines={1}
        color={theme.text}
      >
        {info.title}
      </Text>
      {overlay === null ? null : (
        <Text
          x={0}
          y={480}
          width={STAGE.width}
          height={60}
          fontSize={48}
          textAlign="center"
          color={theme.textMuted}
        >
          {overlay}
        </Text>
      )}
      <ProgressBar
        position={player.position}
        duration={player.duration}
        onSeek={(direction) =>
          dispatch({ type: 'seek', seconds: direction === 'left' ? -SEEK_STEP_SECONDS : SEEK_STEP_SECONDS })
        }
        onSelect={toggle}
      />
      <View
        x={CONTROLS.x}
        y={CONTROLS.y}
        width={2 * CONTROLS.buttonWidth + CONTROLS.gap}
        height={64}
        focusGroup
        preferredChild={TOGGLE_FOCUS_KEY}
      >
        <Button
          focusKey={TOGGLE_FOCUS_KEY}
          label={toggleLabel(player.status)}
          x={0}
          y={0}
          onSelect={toggle}
        />
        <Button
          focusKey={BACK_FOCUS_KEY}
          label="Back"
          x={CONTROLS.buttonWidth + CONTROLS.gap}
          y={0}
          onSelect={back}
        />
      </View>
    </>
  );
}
