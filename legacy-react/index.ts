/**
 * The legacy React world: write pages with View, Text and Image and the hooks below; the world
 * turns them into scene ops for the host. This folder imports bridge/ only.
 */

export { useBackend } from './hooks/use-backend.ts';
export type { FetchError, FetchState } from './hooks/use-fetch.ts';
export { useFetch } from './hooks/use-fetch.ts';
export { useHistory } from './hooks/use-history.ts';
export { useIsFocused } from './hooks/use-is-focused.ts';
export { type Navigation, useNavigation } from './hooks/use-navigation.ts';
export { useParams } from './hooks/use-params.ts';
export { Image, type ImageProps, Text, type TextProps, View, type ViewProps } from './primitives.ts';
export { PrimitiveUsageError } from './renderer/prop-translation.ts';
export type { HistorySnapshot } from './world/history-copy.ts';
export { LegacyWorld, type LegacyWorldMessage, type LegacyWorldOptions } from './world/legacy-world.ts';
