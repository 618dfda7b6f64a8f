import type { ReactNode } from 'react';
import { apiPaths, SettingsResponseSchema } from '../../../bridge/index.ts';
import { useFetch } from '../../hooks/use-fetch.ts';
import { useNavigation } from '../../hooks/use-navigation.ts';
import { Text } from '../../primitives.ts';
import { Button } from '../shared/button.tsx';
import { PageBackground } from '../shared/page-background.tsx';
import { ErrorPanel, LoadingPanel, RETRY_FOCUS_KEY } from '../shared/status-panels.tsx';
import { theme } from '../shared/theme.ts';
import { settingFocusKey } from './setting-row.tsx';
import { BACK_BUTTON, PANEL, TITLE } from './settings-layout.ts';
import { SettingsList } from './settings-list.tsx';

export const SETTINGS_BACK_FOCUS_KEY = 'settings:back';

/**
 * Route "settings" (no params): the viewer's on/off settings, one row each (`setting:<id>`).
 * Selecting a row flips it at once and saves it; a failed save flips it back and says so. Back
 * (`settings:back`) → back(). Initial focus: the first setting.
 */
export function SettingsPage() {
  const settings = useFetch(apiPaths.settings(), SettingsResponseSchema);
  const { back } = useNavigation();

  if (settings.status === 'loading') {
    return (
      <Page>
        <LoadingPanel {...PANEL} />
      </Page>
    );
  }

  const backButton = (
    <Button
      focusKey={SETTINGS_BACK_FOCUS_KEY}
      label="Back"
      x={BACK_BUTTON.x}
      y={BACK_BUTTON.y}
      onSelect={back}
    />
  );
  if (settings.status === 'error') {
    return (
      <Page preferredChild={RETRY_FOCUS_KEY}>
        <ErrorPanel {...PANEL} message={settings.error.message} onRetry={settings.retry} />
        {backButton}
      </Page>
    );
  }

  const first = settings.data.settings[0];
  return (
    <Page preferredChild={first === undefined ? SETTINGS_BACK_FOCUS_KEY : settingFocusKey(first.id)}>
      <SettingsList settings={settings.data.settings} />
      {backButton}
    </Page>
  );
}

/** The page background with the page title on it; `preferredChild` says where focus starts. */
function Page({
  preferredChild,
  children,
}: {
  readonly preferredChild?: string;
  readonly children: ReactNode;
}) {
  return (
    <PageBackground preferredChild={preferredChild}>
      <Text {...TITLE} role="heading" fontSize={56} fontWeight="bold" color={theme.text}>
        Settings
      </Text>
      {children}
    </PageBackground>
  );
}
