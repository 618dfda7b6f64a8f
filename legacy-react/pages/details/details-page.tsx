import type { ReactNode } from 'react';
import { apiPaths, TitleDetailsSchema } from '../../../bridge/index.ts';
import type { FetchError } from '../../hooks/use-fetch.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { useParams } from '../../hooks/use-params.ts';
import { View } from '../../primitives.ts';
import { Button } from '../shared/button.tsx';
import { ErrorPanel, LoadingPanel } from '../shared/status-panels.tsx';
import { MARGIN, STAGE, theme } from '../shared/theme.ts';
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

  if (details.status === 'loading') {
    return (
      <Page>
        <LoadingPanel {...PANEL} />
      </Page>
    );
  }
  if (details.status === 'error') {
    return (
      <Page preferredChild="error-retry">
        <ErrorPanel {...PANEL} message={errorMessage(details.error)} onRetry={details.retry} />
        {/* Next to the panel's Retry button, so Right from Retry lands on it. */}
        <Button
          focusKey={BACK_FOCUS_KEY}
          label="Back"
          x={PANEL.x + 40 + BUTTON.width + BUTTON.gap}
          y={PANEL.y + PANEL.height / 2 + 30}
          width={BUTTON.width}
          onSelect={back}
        />
      </Page>
    );
  }

  const title = details.data;
  return (
    <Page preferredChild={PLAY_FOCUS_KEY}>
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
    </Page>
  );
}

function errorMessage(error: FetchError): string {
  return error.kind === 'http' && error.status === 404 ? NOT_FOUND_MESSAGE : error.message;
}

/** The full-stage page background; `preferredChild` says where focus starts. */
function Page({
  preferredChild,
  children,
}: {
  readonly preferredChild?: string | undefined;
  readonly children: ReactNode;
}) {
  return (
    <View
      x={0}
      y={0}
      width={STAGE.width}
      height={STAGE.height}
      backgroundColor={theme.background}
      {...(preferredChild === undefined ? {} : { preferredChild })}
    >
      {children}
    </View>
  );
}
