import type { Setting } from '../../../bridge/index.ts';
import { useIsFocused } from '../../hooks/use-is-focused.ts';
import { Text, View } from '../../primitives.ts';
import { theme } from '../shared/theme.ts';
import { ROW } from './settings-layout.ts';

/** The focus key of a setting's row: `setting:<id>`. */
export const settingFocusKey = (settingId: string): string => `setting:${settingId}`;

const PILL = { width: 120, height: 48 } as const;

export interface SettingRowProps {
  readonly setting: Setting;
  /** The value shown, which may be ahead of the backend while a change is being saved. */
  readonly value: boolean;
  readonly y: number;
  readonly onFocus: () => void;
  readonly onSelect: () => void;
}

/** One on/off setting: its label on the left, an "On"/"Off" pill on the right. */
export function SettingRow({ setting, value, y, onFocus, onSelect }: SettingRowProps) {
  const focusKey = settingFocusKey(setting.id);
  const focused = useIsFocused(focusKey);
  return (
    <View
      focusKey={focusKey}
      role="button"
      label={`${setting.label}: ${value ? 'On' : 'Off'}`}
      x={0}
      y={y}
      width={ROW.width}
      height={ROW.height}
      borderRadius={12}
      backgroundColor={focused ? theme.surfaceRaised : theme.surface}
      borderColor={theme.focusBorder}
      borderWidth={focused ? 4 : 0}
      onFocus={onFocus}
      onSelect={onSelect}
    >
      <Text
        x={32}
        y={(ROW.height - 40) / 2}
        width={ROW.width - PILL.width - 96}
        height={40}
        fontSize={32}
        maxLines={1}
        color={theme.text}
      >
        {setting.label}
      </Text>
      <View
        x={ROW.width - PILL.width - 32}
        y={(ROW.height - PILL.height) / 2}
        width={PILL.width}
        height={PILL.height}
        borderRadius={PILL.height / 2}
        backgroundColor={value ? theme.accent : theme.background}
      >
        <Text
          x={0}
          y={(PILL.height - 32) / 2}
          width={PILL.width}
          height={32}
          fontSize={26}
          fontWeight="bold"
          textAlign="center"
          color={value ? '#000000' : theme.textMuted}
        >
          {value ? 'On' : 'Off'}
        </Text>
      </View>
    </View>
  );
}
