import { apiPaths, TitleDetailsSchema } from '../../../bridge/index.ts';
import type { FetchError } from '../../hooks/use-fetch.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { useParams } from '../../hooks/use-params.ts';
import { Button } from '../shared/button.tsx';
import { fetchStatusPage } from '../shared/fetch-status-page.tsx';
import { PageBackground } from '../shared/page-background.tsx';
import { MARGIN } from '../shared/theme.ts';
import { TitleInfo } from './title-info.tsx';

export const PLAY_FOCUS_KEY = 'details:play';
export const BACK_FOCUS_KEY = 'details:back';
export const NOT_FOUND_MESSAGE = 'This title is not available any more.';

const PANEL = { x: 560, y: 340, width: 800, height: 400 } as const;
const BUTTONS_Y = 700;
const BUTTON = { width: 240, gap: 24 } as const;

/**
 * Route "details", params `{ id }`: one title's backdrop, facts, synopsis and cast, with Play
 * (`navigate('playback', { id })`) and Back (`back()`). Initial focus: Play (the page's
 * `preferredChild`); on an error, Retry, with Back next to it.
 */
export function DetailsPage() {
  const { id = '' } = useParams();
  const details = useFetch(apiPaths.title(id), TitleDetailsSchema);
  const { navigate, back } = useNavigation();

  if (details.status !== 'ready') {
    return fetchStatusPage(details, PANEL, {
      describe: errorMessage,
      // Next to the panel's Retry button, so Right from Retry lands on it.
      errorExtra: (
        <Button
          focusKey={BACK_FOCUS_KEY}
          label="Back"
          x={PANEL.x + 40 + BUTTON.width + BUTTON.gap}
          y={PANEL.y + PANEL.height / 2 + 30}
          width={BUTTON.width}
          onSelect={back}
        />
      ),
    });
  }

  const title = details.data;
  return (
    <PageBackground preferredChild={PLAY_FOCUS_KEY}>
      <TitleInfo title={title} />
      <Button
        focusKey={PLAY_FOCUS_KEY}
        label="Play"
        x={MARGIN}
        y={BUTTONS_Y}
        width={BUTTON.width}
        onSelect={() => navigate('playback', { id: title.id })}
      />
      <Button
        focusKey={BACK_FOCUS_KEY}
        label="Back"
        x={MARGIN + BUTTON.width + BUTTON.gap}
        y={BUTTONS_Y}
        width={BUTTON.width}
        onSelect={back}
      />
    </PageBackground>
  );
}

function errorMessage(error: FetchError): string {
  return error.kind === 'http' && error.status === 404 ? NOT_FOUND_MESSAGE : error.message;
}
