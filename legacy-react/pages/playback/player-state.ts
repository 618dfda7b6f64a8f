/** Seconds one left/right press on the progress bar moves playback. */
export const SEEK_STEP_SECONDS = 10;

export type PlayerStatus = 'playing' | 'paused' | 'ended';

export interface PlayerState {
  readonly status: PlayerStatus;
  /** Whole seconds into the title, from 0 to `duration`. */
  readonly position: number;
  readonly duration: number;
}

export type PlayerAction =
  /** One second of playback went by. */
  | { readonly type: 'tick' }
  /** Jump by `seconds` (negative: back), kept within the title. */
  | { readonly type: 'seek'; readonly seconds: number }
  /** Play ⇄ pause; after the end, replay from the start. */
  | { readonly type: 'toggle' };

/** A title starts playing from the beginning as soon as it is opened. */
export function startPlayer(duration: number): PlayerState {
  return { status: 'playing', position: 0, duration };
}

/**
 * The simulated player: ticks advance a playing title, reaching the end stops it ("ended"),
 * seeking clamps to [0, duration] (seeking to the end ends it, seeking back from the end pauses).
 */
export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case 'tick': {
      if (state.status !== 'playing') return state;
      const position = Math.min(state.position + 1, state.duration);
      return { ...state, position, status: position >= state.duration ? 'ended' : 'playing' };
    }
    case 'seek': {
      const position = Math.min(Math.max(state.position + action.seconds, 0), state.duration);
      if (position === state.position) return state;
      if (position >= state.duration) return { ...state, position, status: 'ended' };
      return { ...state, position, status: state.status === 'ended' ? 'paused' : state.status };
    }
    case 'toggle':
      if (state.status === 'ended') return { ...state, position: 0, status: 'playing' };
      return { ...state, status: state.status === 'playing' ? 'paused' : 'playing' };
  }
}

/** The label of the play/pause button: what selecting it will do. */
export function toggleLabel(status: PlayerStatus): string {
  if (status === 'playing') return 'Pause';
  return status === 'ended' ? 'Replay' : 'Play';
}
