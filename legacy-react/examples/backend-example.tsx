import { useState } from 'react';
import { apiPaths } from '../../bridge/index.ts';
import { useBackend } from '../hooks/use-backend.ts';
import { Text, View } from '../primitives.ts';

/** useBackend: send a change (PUT) to the backend and show the outcome. */
export function BackendExample() {
  const backend = useBackend();
  const [subtitles, setSubtitles] = useState(false);
  const [status, setStatus] = useState('Select to toggle subtitles');

  const toggle = async () => {
    const value = !subtitles;
    const response = await backend(apiPaths.setting('subtitles'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value }),
    });
    if (response.ok) {
      setSubtitles(value);
      setStatus(`Saved: subtitles ${value ? 'on' : 'off'}`);
    } else {
      setStatus(`Not saved (HTTP ${response.status})`);
    }
  };

  return (
    <View x={0} y={0} width={1920} height={1080} backgroundColor="#0d1117">
      <View
        x={80}
        y={80}
        width={600}
        height={90}
        focusKey="subtitles"
        backgroundColor="#2b3a55"
        onSelect={() => void toggle()}
      >
        <Text x={20} y={26} width={560} height={40} fontSize={30} color="#ffffff">
          Subtitles: {subtitles ? 'On' : 'Off'}
        </Text>
      </View>
      <Text x={80} y={200} width={1200} height={40} fontSize={28} color="#8b949e">
        {status}
      </Text>
    </View>
  );
}
