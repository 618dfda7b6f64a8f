import { Text, View } from '../../primitives.ts';
import { Button } from '../shared/button.tsx';
import { MARGIN, STAGE, theme } from '../shared/theme.ts';
import { HEADER } from './layout.ts';

export const SEARCH_FOCUS_KEY = 'nav:search';
export const SETTINGS_FOCUS_KEY = 'nav:settings';

export interface HeaderProps {
  readonly onSearch: () => void;
  readonly onSettings: () => void;
}

/** The top row: Search and Settings on the left, the app's name on the right. */
export function Header({ onSearch, onSettings }: HeaderProps) {
  const { y, height, buttonWidth, gap } = HEADER;
  return (
    <View x={0} y={y} width={STAGE.width} height={height}>
      <Button
        focusKey={SEARCH_FOCUS_KEY}
        label="Search"
        x={MARGIN}
        y={0}
        width={buttonWidth}
        height={height}
        onSelect={onSearch}
      />
      <Button
        focusKey={SETTINGS_FOCUS_KEY}
        label="Settings"
        x={MARGIN + buttonWidth + gap}
        y={0}
        width={buttonWidth}
        height={height}
        onSelect={onSettings}
      />
      <Text
        role="heading"
        x={STAGE.width - MARGIN - 400}
        y={12}
        width={400}
        height={40}
        fontSize={32}
        fontWeight="bold"
        textAlign="right"
        color={theme.accent}
      >
        Ficus TV
      </Text>
    </View>
  );
}
