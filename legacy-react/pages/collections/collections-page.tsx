import { useState } from 'react';
import { apiPaths, type HomeResponse, HomeResponseSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { useParams } from '../../hooks/use-params.ts';
import { fetchStatusPage } from '../shared/fetch-status-page.tsx';
import { PageBackground } from '../shared/page-background.tsx';
import { tileFocusKey } from '../shared/rail.tsx';
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

  if (home.status !== 'ready') return fetchStatusPage(home, PANEL);
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
    <PageBackground preferredChild={firstTile}>
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
    </PageBackground>
  );
}
