import { useState } from 'react';
import type { TitleSummary } from '../../../bridge/index.ts';
import { Image, Text, View } from '../../primitives.ts';
import { MARGIN, MOTION, STAGE, theme } from '../shared/theme.ts';
import { HERO } from './layout.ts';

/** "2019 · Drama · 13+" */
export const heroMetaLine = (title: TitleSummary): string =>
  `${title.year} · ${title.genre} · ${title.rating}`;

/** How opaque the artwork shows (the text stays readable next to it). */
const ART_OPACITY = 0.7;

/**
 * The hero's two stacked artwork layers: `front` shows the focused title's image, the other one
 * is faded out (it holds the image shown before, so the change cross-fades).
 */
interface Artwork {
  readonly layers: readonly [string, string];
  readonly front: 0 | 1;
}

/**
 * The top of the page: big artwork of the focused title, its name and what kind of title it is.
 * A new title's artwork cross-fades in: it goes to the hidden layer, which fades in while the
 * other fades out (the host animates both opacities; the scene holds the end state).
 */
export function Hero({ title }: { readonly title: TitleSummary }) {
  const [art, setArt] = useState<Artwork>({ layers: [title.imageUrl, title.imageUrl], front: 0 });
  if (art.layers[art.front] !== title.imageUrl) {
    // Adjusting state to a new prop while rendering: React renders again at once, before committing.
    setArt(
      art.front === 0
        ? { layers: [art.layers[0], title.imageUrl], front: 1 }
        : { layers: [title.imageUrl, art.layers[1]], front: 0 },
    );
  }
  const textWidth = HERO.imageX - MARGIN - 40;
  return (
    <View x={0} y={0} width={STAGE.width} height={HERO.height} clip>
      {art.layers.map((src, layer) => (
        <Image
          // biome-ignore lint/suspicious/noArrayIndexKey: the two layers are fixed slots
          key={layer}
          x={HERO.imageX}
          y={0}
          width={STAGE.width - HERO.imageX}
          height={HERO.height}
          src={src}
          fit="cover"
          opacity={layer === art.front ? ART_OPACITY : 0}
          animate={['opacity']}
          animateDuration={MOTION.fadeMs}
          animateEasing={MOTION.easing}
        />
      ))}
      <Text
        x={MARGIN}
        y={170}
        width={textWidth}
        height={80}
        fontSize={64}
        fontWeight="bold"
        color={theme.text}
        maxLines={1}
      >
        {title.title}
      </Text>
      <Text
        x={MARGIN}
        y={270}
        width={textWidth}
        height={40}
        fontSize={32}
        color={theme.textMuted}
        maxLines={1}
      >
        {heroMetaLine(title)}
      </Text>
    </View>
  );
}
