import type { ReactNode } from 'react';
import { useState } from 'react';
import { apiPaths, type HomeResponse, HomeResponseSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { useParams } from '../../hooks/use-params.ts';
import { View } from '../../primitives.ts';
import { tileFocusKey } from '../shared/rail.tsx';
import { ErrorPanel, LoadingPanel } from '../shared/status-panels.tsx';
import { STAGE, theme } from '../shared/theme.ts';
import { Header } from './header.tsx';
import { Hero } from './hero.tsx';
import { RailList } from './rail-list.tsx';

const PANEL = { x: 560, y: 400, width: 800, height: 280 } as const;

/**
 * Route "collections", params `{ profile }`: the profile's home. A header (Search, Settings), a
 * hero showing the focused title, and every rail of `GET home` under it. Initial focus: the first
 * tile of the first rail (the page's `preferredChild`).
 */
export function CollectionsPage() {
  const { profile = '' } = useParams();
  const home = useFetch(apiPaths.home(profile), HomeResponseSchema);

  if (home.status === 'loading') {
    return (
      <Page>
        <LoadingPanel {...PANEL} />
      </Page>
    );
  }
  if (home.status === 'error') {
    return (
      <Page preferredChild="error-retry">
        <ErrorPanel {...PANEL} message={home.error.message} onRetry={home.retry} />
      </Page>
    );
  }
  return <Home home={home.data} profile={profile} />;
}

function Home({ home, profile }: { readonly home: HomeResponse; readonly profile: string }) {
  const { navigate } = useNavigation();
  const [heroTitle, setHeroTitle] = useState(home.hero);
  const [focusedRail, setFocusedRail] = useState(0);

  const firstRail = home.rails[0];
  const firstTile =
    firstRail !== undefined && firstRail.items.length > 0 ? tileFocusKey(firstRail.id, 0) : undefined;

  return (
    <Page preferredChild={firstTile}>
      <Hero title={heroTitle} />
      <Header onSearch={() => navigate('search', { profile })} onSettings={() => navigate('settings', {})} />
      <RailList
        rails={home.rails}
        focusedRail={focusedRail}
        onTileFocus={(railIndex, title) => {
          setFocusedRail(railIndex);
          setHeroTitle(title);
        }}
        onTileSelect={(title) => navigate('details', { id: title.id })}
      />
    </Page>
  );
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
