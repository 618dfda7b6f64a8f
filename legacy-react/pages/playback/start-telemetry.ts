import { useEffect } from 'react';
import { apiPaths, type PlaybackInfo, type TelemetryBatch } from '../../../bridge/index.ts';
import { useBackend } from '../../hooks/use-backend.ts';

export const PLAYBACK_START_EVENT = 'playback.start';

/** Reports `playback.start` to the backend once when a title starts; best effort, never in the way. */
export function useStartTelemetry(info: PlaybackInfo): void {
  const backend = useBackend();
  const { titleId, durationSeconds } = info;

  useEffect(() => {
    const batch: TelemetryBatch = {
      events: [{ name: PLAYBACK_START_EVENT, at: Date.now(), data: { titleId, durationSeconds } }],
    };
    backend(apiPaths.telemetry(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    }).catch(() => {
      // Telemetry must never stop playback: a lost event is acceptable.
    });
  }, [backend, titleId, durationSeconds]);
}
