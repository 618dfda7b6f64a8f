import { Text, View } from '../../primitives.ts';
import { Button } from './button.tsx';
import { theme } from './theme.ts';

/** The focus key of the error panel's Retry button. */
export const RETRY_FOCUS_KEY = 'error-retry';

export interface PanelProps {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Shown while data loads: the deferred-content placeholder. */
export function LoadingPanel({
  x,
  y,
  width,
  height,
  label = 'Loading…',
}: PanelProps & { readonly label?: string }) {
  return (
    <View x={x} y={y} width={width} height={height} backgroundColor={theme.surface} borderRadius={12}>
      <Text
        x={0}
        y={height / 2 - 20}
        width={width}
        height={40}
        fontSize={30}
        textAlign="center"
        color={theme.textMuted}
      >
        {label}
      </Text>
    </View>
  );
}

/** Shown when a request failed: what happened, and a Retry button that gets focus. */
export function ErrorPanel({
  x,
  y,
  width,
  height,
  message,
  onRetry,
  focusKey = RETRY_FOCUS_KEY,
}: PanelProps & { readonly message: string; readonly onRetry: () => void; readonly focusKey?: string }) {
  return (
    <View x={x} y={y} width={width} height={height} backgroundColor={theme.surface} borderRadius={12}>
      <Text
        x={40}
        y={height / 2 - 80}
        width={width - 80}
        height={40}
        fontSize={32}
        fontWeight="bold"
        color={theme.danger}
      >
        Something went wrong
      </Text>
      <Text
        x={40}
        y={height / 2 - 30}
        width={width - 80}
        height={36}
        fontSize={24}
        color={theme.textMuted}
        maxLines={2}
      >
        {message}
      </Text>
      <Button focusKey={focusKey} label="Retry" x={40} y={height / 2 + 30} onSelect={onRetry} />
    </View>
  );
}
