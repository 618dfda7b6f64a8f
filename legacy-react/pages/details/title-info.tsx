import type { TitleDetails } from '../../../bridge/index.ts';
import { Image, Text, View } from '../../primitives.ts';
import { MARGIN, STAGE, theme } from '../shared/theme.ts';
import { castLine, detailsMetaLine } from './format.ts';

const TEXT_WIDTH = 1100;

/** The title's backdrop across the stage, dimmed, with its name, facts, synopsis and cast over it. */
export function TitleInfo({ title }: { readonly title: TitleDetails }) {
  return (
    <View x={0} y={0} width={STAGE.width} height={STAGE.height}>
      <Image
        x={0}
        y={0}
        width={STAGE.width}
        height={STAGE.height}
        src={title.backdropUrl}
        fit="cover"
        opacity={0.35}
      />
      <Text
        role="heading"
        x={MARGIN}
        y={260}
        width={TEXT_WIDTH}
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
        y={360}
        width={TEXT_WIDTH}
        height={40}
        fontSize={30}
        color={theme.textMuted}
        maxLines={1}
      >
        {detailsMetaLine(title)}
      </Text>
      <Text x={MARGIN} y={430} width={TEXT_WIDTH} height={160} fontSize={30} color={theme.text} maxLines={4}>
        {title.synopsis}
      </Text>
      {title.cast.length > 0 && (
        <Text
          x={MARGIN}
          y={610}
          width={TEXT_WIDTH}
          height={36}
          fontSize={26}
          color={theme.textMuted}
          maxLines={1}
        >
          {castLine(title.cast)}
        </Text>
      )}
    </View>
  );
}
