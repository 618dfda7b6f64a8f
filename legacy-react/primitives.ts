import type { ComponentType } from 'react';
import { HOST_TYPES, type ImageProps, type TextProps, type ViewProps } from './renderer/primitive-props.ts';

// The primitives are the host type strings themselves, typed as components. A wrapper component
// per primitive would add a fiber to every node of every page, which weak TV CPUs pay for.

/**
 * A rectangle on the 1920×1080 stage, positioned relative to its parent. Give it a `focusKey` to
 * make it focusable; `onFocus`, `onBlur` and `onSelect` then tell you what the viewer does.
 *
 * @example
 * <View x={80} y={400} width={300} height={170} backgroundColor="#2b3a55" focusKey="tile-1" onSelect={open} />
 */
export const View = HOST_TYPES.view as unknown as ComponentType<ViewProps>;

/**
 * Text, always painted as text. Its children must be strings or numbers.
 *
 * @example
 * <Text x={16} y={120} width={268} height={36} fontSize={26} color="#ffffff" maxLines={1}>{title}</Text>
 */
export const Text = HOST_TYPES.text as unknown as ComponentType<TextProps>;

/**
 * An image from an allowed URL (https, http, blob, data:image, or a relative path).
 *
 * @example
 * <Image x={0} y={0} width={300} height={170} src={poster} fit="cover" />
 */
export const Image = HOST_TYPES.image as unknown as ComponentType<ImageProps>;

export type { ImageProps, TextProps, ViewProps };
