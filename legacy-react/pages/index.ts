import type { ComponentType } from 'react';
import { CollectionsPage } from './collections/index.ts';
import { DetailsPage } from './details/index.ts';
import { PlaybackPage } from './playback/index.ts';
import { ProfilesPage } from './profiles/index.ts';
import { SearchPage } from './search/index.ts';
import { SettingsPage } from './settings/index.ts';

/**
 * The reference app ("Ficus TV") in the React world, by route. Routes and params:
 * profiles {} · collections { profile } · details { id } · playback { id } · search { profile? } · settings {}
 */
export const LEGACY_PAGES = {
  profiles: ProfilesPage,
  collections: CollectionsPage,
  details: DetailsPage,
  playback: PlaybackPage,
  search: SearchPage,
  settings: SettingsPage,
} as const satisfies Record<string, ComponentType>;

export type LegacyPageRoute = keyof typeof LEGACY_PAGES;
