import type { TitleSummary } from '../../../bridge/index.ts';
import { Image, Text, View } from '../../primitives.ts';
import { MARGIN, STAGE, theme } from '../shared/theme.ts';
import { HERO } from './layout.ts';

/** "2019 · Drama · 13+" */
export const heroMetaLine = (title: TitleSummary): string =>
  `${title.year} · ${title.genre} · ${title.rating}`;

/** The top of the page: big artwork of the focused title, its name and what kind of title it is. */
export function Hero({ title }: { readonly title: TitleSummary }) {
  const textWidth = HERO.imageX - MARGIN - 40;
  return (
    <View x={0} y={0} width={STAGE.width} height={HERO.height} clip>
      <Image
        x={HERO.imageX}
        y={0}
        width={STAGE.width - HERO.imageX}
        height={HERO.height}
        src={title.imageUrl}
        fit="cover"
        opacity={0.7}
      />
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
