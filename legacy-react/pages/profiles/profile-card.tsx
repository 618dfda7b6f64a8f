import { useState } from 'react';
import type { Profile } from '../../../bridge/index.ts';
import { Text, View } from '../../primitives.ts';
import { theme } from '../shared/theme.ts';

export const PROFILE_CARD = { size: 200, gap: 60, nameHeight: 60, border: 6 } as const;

/** The focus key of a profile's card: stable, so focus can be restored on Back. */
export const profileFocusKey = (profileId: string): string => `profile:${profileId}`;

export interface ProfileCardProps {
  readonly profile: Profile;
  readonly x: number;
  readonly y: number;
  readonly onSelect: () => void;
}

/** An avatar (a colored square with the profile's initial) and the profile's name under it. */
export function ProfileCard({ profile, x, y, onSelect }: ProfileCardProps) {
  const [focused, setFocused] = useState(false);
  const { size, nameHeight, border } = PROFILE_CARD;
  return (
    <View
      focusKey={profileFocusKey(profile.id)}
      role="button"
      label={profile.name}
      x={x}
      y={y}
      width={size}
      height={size + nameHeight}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onSelect={onSelect}
    >
      <View
        x={0}
        y={0}
        width={size}
        height={size}
        borderRadius={16}
        backgroundColor={profile.avatarColor}
        borderColor={theme.focusBorder}
        borderWidth={focused ? border : 0}
      >
        <Text
          x={0}
          y={(size - 110) / 2}
          width={size}
          height={110}
          fontSize={96}
          fontWeight="bold"
          textAlign="center"
          color="#000000"
        >
          {profile.name.charAt(0).toUpperCase()}
        </Text>
      </View>
      <Text
        x={0}
        y={size + 16}
        width={size}
        height={36}
        fontSize={30}
        textAlign="center"
        color={focused ? theme.text : theme.textMuted}
        maxLines={1}
      >
        {profile.name}
      </Text>
    </View>
  );
}
