// Port of legacy-react/pages/playback/player-state.ts: the simulated player. Ticks advance a playing
// title, reaching the end stops it ("ended"), seeking clamps to [0, duration] (seeking to the end
// ends it, seeking back from the end pauses); toggle plays/pauses, and after the end replays.

/** SEEK_STEP_SECONDS: one left/right press on the progress bar. */
export const SEEK_STEP_SECONDS: i32 = 10;

/** PlayerStatus ('playing' | 'paused' | 'ended'). */
export enum PlayerStatus {
  Playing,
  Paused,
  Ended,
}

/** PlayerState: whole seconds into the title, from 0 to `duration`. startPlayer(duration) plays from 0. */
export class PlayerState {
  status: PlayerStatus = PlayerStatus.Playing;
  position: i32 = 0;
  constructor(public duration: i32) {}

  /** { type: 'tick' }: one second of playback went by. */
  tick(): void {
    if (this.status != PlayerStatus.Playing) return;
    this.position = min(this.position + 1, this.duration);
    this.status = this.position >= this.duration ? PlayerStatus.Ended : PlayerStatus.Playing;
  }

  /** { type: 'seek', seconds }: jump by `seconds` (negative: back), kept within the title. */
  seek(seconds: i32): void {
    const position = min(max(this.position + seconds, 0), this.duration);
    if (position == this.position) return;
    this.position = position;
    if (position >= this.duration) this.status = PlayerStatus.Ended;
    else if (this.status == PlayerStatus.Ended) this.status = PlayerStatus.Paused;
  }

  /** { type: 'toggle' }: play ⇄ pause; after the end, replay from the start. */
  toggle(): void {
    if (this.status == PlayerStatus.Ended) {
      this.position = 0;
      this.status = PlayerStatus.Playing;
    } else {
      this.status = this.status == PlayerStatus.Playing ? PlayerStatus.Paused : PlayerStatus.Playing;
    }
  }
}

/** toggleLabel(status): the play/pause button says what selecting it will do. */
export function toggleLabel(status: PlayerStatus): string {
  if (status == PlayerStatus.Playing) return "Pause";
  return status == PlayerStatus.Ended ? "Replay" : "Play";
}
