import { Image, Text, View } from '../primitives.ts';

const poster = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="170"><rect width="300" height="170" fill="#3d5a80"/><circle cx="150" cy="85" r="50" fill="#e8b04a"/></svg>',
)}`;

/** Image: an allowed URL (https, http, blob, data:image, relative), fitted into its box. */
export function ImageExample() {
  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <Text x={80} y={60} width={1600} height={48} fontSize={40} color="#ffffff">
        Image: cover, contain, fill
      </Text>
      {(['cover', 'contain', 'fill'] as const).map((fit, index) => (
        <View
          key={fit}
          x={80 + index * 420}
          y={160}
          width={400}
          height={300}
          backgroundColor="#161b22"
          focusKey={`image-${fit}`}
        >
          <Image x={0} y={0} width={400} height={260} src={poster} fit={fit} />
          <Text x={0} y={266} width={400} height={30} fontSize={24} color="#8b949e" textAlign="center">
            {fit}
          </Text>
        </View>
      ))}
    </View>
  );
}
