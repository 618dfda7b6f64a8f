export { formatTime } from './format-time.ts';
export { PlaybackPage } from './playback-page.tsx';
export { BACK_FOCUS_KEY, TOGGLE_FOCUS_KEY } from './player.tsx';
export { playerReducer, SEEK_STEP_SECONDS, startPlayer, toggleLabel } from './player-state.ts';
export { filledWidth, SCRUBBER_FOCUS_KEY } from './progress-bar.tsx';
export { PLAYBACK_START_EVENT } from './start-telemetry.ts';
