import { useIsFocused } from '../../hooks/use-is-focused.ts';
import { Text, View } from '../../primitives.ts';
import { theme } from '../shared/theme.ts';
import {
  KEYBOARD_COLUMNS,
  KEYBOARD_KEYS,
  KEYBOARD_ROWS,
  type KeyboardKey,
  keyFocusKey,
} from './keyboard-layout.ts';
import { KEY, KEY_STRIDE, KEYBOARD_AREA } from './search-layout.ts';

export interface KeyboardProps {
  /** Called with the id of the key the viewer selected ("a", "space", "delete", ...). */
  readonly onKey: (keyId: string) => void;
}

/**
 * The on-screen keyboard: a focus group that starts on `key:a` and, when focus comes back from
 * the results, returns to the key the viewer used last.
 */
export function Keyboard({ onKey }: KeyboardProps) {
  return (
    <View
      x={KEYBOARD_AREA.x}
      y={KEYBOARD_AREA.y}
      width={KEYBOARD_COLUMNS * KEY_STRIDE - KEY.gap}
      height={KEYBOARD_ROWS * KEY_STRIDE - KEY.gap}
      focusGroup
      preferredChild={keyFocusKey('a')}
    >
      {KEYBOARD_KEYS.map((key) => (
        <Key key={key.id} keyboardKey={key} onSelect={() => onKey(key.id)} />
      ))}
    </View>
  );
}

function Key({
  keyboardKey,
  onSelect,
}: {
  readonly keyboardKey: KeyboardKey;
  readonly onSelect: () => void;
}) {
  const focusKey = keyFocusKey(keyboardKey.id);
  const focused = useIsFocused(focusKey);
  const width = keyboardKey.span * KEY_STRIDE - KEY.gap;
  const fontSize = keyboardKey.span > 1 ? 24 : 30;
  return (
    <View
      focusKey={focusKey}
      role="button"
      label={keyboardKey.label}
      x={keyboardKey.column * KEY_STRIDE}
      y={keyboardKey.row * KEY_STRIDE}
      width={width}
      height={KEY.height}
      borderRadius={8}
      backgroundColor={focused ? theme.accent : theme.surfaceRaised}
      onSelect={onSelect}
    >
      <Text
        x={0}
        y={(KEY.height - fontSize - 6) / 2}
        width={width}
        height={fontSize + 6}
        fontSize={fontSize}
        textAlign="center"
        color={focused ? '#000000' : theme.text}
      >
        {keyboardKey.label}
      </Text>
    </View>
  );
}
