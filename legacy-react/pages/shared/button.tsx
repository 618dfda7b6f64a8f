import { useState } from 'react';
import { Text, View } from '../../primitives.ts';
import { theme } from './theme.ts';

export interface ButtonProps {
  readonly focusKey: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width?: number;
  readonly height?: number;
  readonly onSelect: () => void;
}

/** A focusable labelled button that lights up while focused. */
export function Button({ focusKey, label, x, y, width = 240, height = 64, onSelect }: ButtonProps) {
  const [focused, setFocused] = useState(false);
  return (
    <View
      focusKey={focusKey}
      role="button"
      label={label}
      x={x}
      y={y}
      width={width}
      height={height}
      borderRadius={8}
      backgroundColor={focused ? theme.accent : theme.surfaceRaised}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onSelect={onSelect}
    >
      <Text
        x={0}
        y={(height - 32) / 2}
        width={width}
        height={32}
        fontSize={26}
        textAlign="center"
        color={focused ? '#000000' : theme.text}
      >
        {label}
      </Text>
    </View>
  );
}
