export { PROFILE_CARD, profileFocusKey } from './profile-card.tsx';
export { ProfilesPage } from './profiles-page.tsx';
