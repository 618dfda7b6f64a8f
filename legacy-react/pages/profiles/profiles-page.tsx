import type { Profile } from '../../../bridge/index.ts';
import { apiPaths, ProfilesResponseSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { Text, View } from '../../primitives.ts';
import { fetchStatusPage } from '../shared/fetch-status-page.tsx';
import { PageBackground } from '../shared/page-background.tsx';
import { STAGE, theme } from '../shared/theme.ts';
import { PROFILE_CARD, ProfileCard, profileFocusKey } from './profile-card.tsx';

const TITLE_Y = 260;
const ROW_Y = 400;
const PANEL = { x: 560, y: 400, width: 800, height: 280 } as const;

/**
 * Route "profiles" (no params): "Who's watching?" and one avatar card per profile in a centered
 * row. Initial focus: the first profile (the page's `preferredChild`). Selecting a profile opens
 * its home: `navigate('collections', { profile: id })`.
 */
export function ProfilesPage() {
  const profiles = useFetch(apiPaths.profiles(), ProfilesResponseSchema);
  const { navigate } = useNavigation();

  if (profiles.status !== 'ready') return fetchStatusPage(profiles, PANEL);

  const list = profiles.data.profiles;
  const first = list[0];
  return (
    <PageBackground preferredChild={first === undefined ? undefined : profileFocusKey(first.id)}>
      <Text
        role="heading"
        x={0}
        y={TITLE_Y}
        width={STAGE.width}
        height={70}
        fontSize={56}
        fontWeight="bold"
        textAlign="center"
        color={theme.text}
      >
        Who's watching?
      </Text>
      <ProfileRow profiles={list} onSelect={(profile) => navigate('collections', { profile: profile.id })} />
    </PageBackground>
  );
}

function ProfileRow({
  profiles,
  onSelect,
}: {
  readonly profiles: readonly Profile[];
  readonly onSelect: (profile: Profile) => void;
}) {
  const stride = PROFILE_CARD.size + PROFILE_CARD.gap;
  const width = Math.max(0, profiles.length * stride - PROFILE_CARD.gap);
  return (
    <View
      x={(STAGE.width - width) / 2}
      y={ROW_Y}
      width={width}
      height={PROFILE_CARD.size + PROFILE_CARD.nameHeight}
    >
      {profiles.map((profile, index) => (
        <ProfileCard
          key={profile.id}
          profile={profile}
          x={index * stride}
          y={0}
          onSelect={() => onSelect(profile)}
        />
      ))}
    </View>
  );
}
