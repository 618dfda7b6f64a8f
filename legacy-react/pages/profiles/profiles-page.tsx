import type { ReactNode } from 'react';
import type { Profile } from '../../../bridge/index.ts';
import { apiPaths, ProfilesResponseSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { Text, View } from '../../primitives.ts';
import { ErrorPanel, LoadingPanel } from '../shared/status-panels.tsx';
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

  if (profiles.status === 'loading') {
    return (
      <Page>
        <LoadingPanel {...PANEL} />
      </Page>
    );
  }
  if (profiles.status === 'error') {
    return (
      <Page preferredChild="error-retry">
        <ErrorPanel {...PANEL} message={profiles.error.message} onRetry={profiles.retry} />
      </Page>
    );
  }

  const list = profiles.data.profiles;
  const first = list[0];
  return (
    <Page preferredChild={first === undefined ? undefined : profileFocusKey(first.id)}>
      <Text
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
