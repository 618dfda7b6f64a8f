export { CollectionsPage } from './collections-page.tsx';
export { SEARCH_FOCUS_KEY, SETTINGS_FOCUS_KEY } from './header.tsx';
export { heroMetaLine } from './hero.tsx';
