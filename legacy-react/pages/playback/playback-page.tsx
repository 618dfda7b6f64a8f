import { apiPaths, PlaybackInfoSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { useParams } from '../../hooks/use-params.ts';
import { Text } from '../../primitives.ts';
import { Button } from '../shared/button.tsx';
import { fetchStatusPage } from '../shared/fetch-status-page.tsx';
import { PageBackground } from '../shared/page-background.tsx';
import { STAGE, theme } from '../shared/theme.ts';
import { BACK_FOCUS_KEY, Player } from './player.tsx';
import { SCRUBBER_FOCUS_KEY } from './progress-bar.tsx';

/** The "video": the stage is black while the simulated title plays. */
export const VIDEO_BACKGROUND = '#000000';
const PANEL = { x: 560, y: 380, width: 800, height: 320 } as const;

/**
 * Route "playback" (params `{ id }`): a simulated player for title `id`. It plays at once, the
 * progress bar ticks every second; left/right on the bar seek ∓10 s, OK on it plays/pauses. Below
 * it: Play/Pause (`playback:toggle`) and Back (`playback:back` → back()). Initial focus: the bar.
 */
export function PlaybackPage() {
  const id = useParams()['id'];
  const { back } = useNavigation();
  const playback = useFetch(id === undefined ? null : apiPaths.playback(id), PlaybackInfoSchema);

  if (id === undefined) {
    return (
      <PageBackground color={VIDEO_BACKGROUND} preferredChild={BACK_FOCUS_KEY}>
        <Text
          x={0}
          y={PANEL.y}
          width={STAGE.width}
          height={50}
          fontSize={36}
          textAlign="center"
          color={theme.textMuted}
        >
          No title was chosen to play
        </Text>
        <Button
          focusKey={BACK_FOCUS_KEY}
          label="Back"
          x={(STAGE.width - 240) / 2}
          y={PANEL.y + 100}
          onSelect={back}
        />
      </PageBackground>
    );
  }
  if (playback.status !== 'ready') return fetchStatusPage(playback, PANEL, { color: VIDEO_BACKGROUND });
  return (
    <PageBackground color={VIDEO_BACKGROUND} preferredChild={SCRUBBER_FOCUS_KEY}>
      <Player key={playback.data.titleId} info={playback.data} />
    </PageBackground>
  );
}
