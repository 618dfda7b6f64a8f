import { useState } from 'react';
import type { Setting } from '../../../bridge/index.ts';
import { Text, View } from '../../primitives.ts';
import { MOTION, theme } from '../shared/theme.ts';
import { SettingRow, settingFocusKey } from './setting-row.tsx';
import { ERROR_LINE, LIST, ROW_STRIDE, VISIBLE_ROWS } from './settings-layout.ts';
import { useSettingToggles } from './use-setting-toggles.ts';

/**
 * The toggles, one row each, and under them the line that reports a change that could not be
 * saved. The list is a focus group (coming back from Back returns to the row left) and glides
 * when it holds more rows than fit.
 */
export function SettingsList({ settings }: { readonly settings: readonly Setting[] }) {
  const { shownValue, toggle, error } = useSettingToggles();
  const [firstVisible, setFirstVisible] = useState(0);
  const first = settings[0];

  const reveal = (index: number) => {
    setFirstVisible((current) => {
      if (index < current) return index;
      if (index >= current + VISIBLE_ROWS) return index - VISIBLE_ROWS + 1;
      return current;
    });
  };

  return (
    <>
      <View x={LIST.x} y={LIST.y} width={LIST.width} height={LIST.height} clip>
        {first === undefined ? (
          <Text x={0} y={0} width={LIST.width} height={40} fontSize={30} color={theme.textMuted}>
            There is nothing to set up yet
          </Text>
        ) : (
          <View
            x={0}
            y={-firstVisible * ROW_STRIDE}
            width={LIST.width}
            height={settings.length * ROW_STRIDE}
            animate={['y']}
            animateDuration={MOTION.scrollMs}
            animateEasing={MOTION.easing}
            focusGroup
            preferredChild={settingFocusKey(first.id)}
          >
            {settings.map((setting, index) => (
              <SettingRow
                key={setting.id}
                setting={setting}
                value={shownValue(setting)}
                y={index * ROW_STRIDE}
                onFocus={() => reveal(index)}
                onSelect={() => toggle(setting)}
              />
            ))}
          </View>
        )}
      </View>
      {error === null ? null : (
        <Text {...ERROR_LINE} fontSize={28} maxLines={1} color={theme.danger}>
          {error}
        </Text>
      )}
    </>
  );
}
