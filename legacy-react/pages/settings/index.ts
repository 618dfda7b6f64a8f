export { settingFocusKey } from './setting-row.tsx';
export { SETTINGS_BACK_FOCUS_KEY, SettingsPage } from './settings-page.tsx';
