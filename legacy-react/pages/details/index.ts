export { BACK_FOCUS_KEY, DetailsPage, NOT_FOUND_MESSAGE, PLAY_FOCUS_KEY } from './details-page.tsx';
export { castLine, detailsMetaLine, formatDuration } from './format.ts';
