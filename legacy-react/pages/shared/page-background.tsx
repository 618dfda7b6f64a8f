import type { ReactNode } from 'react';
import { View } from '../../primitives.ts';
import { STAGE, theme } from './theme.ts';

export interface PageBackgroundProps {
  /** Where focus starts; when undefined the node gets no `preferredChild` at all. */
  readonly preferredChild?: string | undefined;
  /** The background color; the theme's background unless given. */
  readonly color?: string | undefined;
  readonly children: ReactNode;
}

/** A page's full-stage background, holding the page's content; `preferredChild` says where focus starts. */
export function PageBackground({ preferredChild, color = theme.background, children }: PageBackgroundProps) {
  return (
    <View
      x={0}
      y={0}
      width={STAGE.width}
      height={STAGE.height}
      backgroundColor={color}
      {...(preferredChild === undefined ? {} : { preferredChild })}
    >
      {children}
    </View>
  );
}
