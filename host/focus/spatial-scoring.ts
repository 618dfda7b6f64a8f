import type { Direction } from '../../bridge/index.ts';
import type { Rect } from '../scene/geometry.ts';

/**
 * How the focus engine picks the next node when the viewer presses an arrow key.
 *
 * A candidate qualifies only if its center lies strictly beyond the current node's center in the
 * pressed direction. Each qualifying candidate gets a score, lower is better:
 *
 *   score = primaryGap + 2 × orthogonalGap + 0.5 × orthogonalCenterOffset
 *
 * - primaryGap: empty space between the current node's leading edge and the candidate's near edge
 *   along the direction (0 when they touch or overlap);
 * - orthogonalGap: space between the two rects' projections on the other axis (0 when the
 *   candidate is at least partly in line with the current node, e.g. the tile right below);
 * - orthogonalCenterOffset: how far the centers are apart on the other axis, so among in-line
 *   candidates the best-aligned wins.
 *
 * Being out of line costs more than being far away, so Down from a tile prefers the tile below
 * in the next rail over a nearer tile that is off to the side. Ties are broken deterministically
 * by {@link compareCandidates}.
 */
export const ORTHOGONAL_GAP_WEIGHT = 2;
export const ORTHOGONAL_CENTER_WEIGHT = 0.5;

interface Axis {
  readonly near: (r: Rect) => number;
  readonly far: (r: Rect) => number;
  readonly center: (r: Rect) => number;
  readonly orthStart: (r: Rect) => number;
  readonly orthEnd: (r: Rect) => number;
  readonly orthCenter: (r: Rect) => number;
  /** +1 when the direction goes towards larger coordinates. */
  readonly sign: 1 | -1;
}

const horizontal = {
  center: (r: Rect) => r.x + r.width / 2,
  orthStart: (r: Rect) => r.y,
  orthEnd: (r: Rect) => r.y + r.height,
  orthCenter: (r: Rect) => r.y + r.height / 2,
};
const vertical = {
  center: (r: Rect) => r.y + r.height / 2,
  orthStart: (r: Rect) => r.x,
  orthEnd: (r: Rect) => r.x + r.width,
  orthCenter: (r: Rect) => r.x + r.width / 2,
};

const AXES: Readonly<Record<Direction, Axis>> = {
  right: { ...horizontal, near: (r) => r.x, far: (r) => r.x + r.width, sign: 1 },
  left: { ...horizontal, near: (r) => r.x + r.width, far: (r) => r.x, sign: -1 },
  down: { ...vertical, near: (r) => r.y, far: (r) => r.y + r.height, sign: 1 },
  up: { ...vertical, near: (r) => r.y + r.height, far: (r) => r.y, sign: -1 },
};

/** Below this, two centers count as level: a candidate must be clearly beyond, not beside. */
const EPSILON = 0.5;

/** The candidate's score for moving from `from` in `direction`, or null if it does not qualify. */
export function spatialScore(from: Rect, to: Rect, direction: Direction): number | null {
  const axis = AXES[direction];
  const advance = (axis.center(to) - axis.center(from)) * axis.sign;
  if (advance <= EPSILON) return null;
  const primaryGap = Math.max(0, (axis.near(to) - axis.far(from)) * axis.sign);
  const orthogonalGap = Math.max(
    0,
    axis.orthStart(to) - axis.orthEnd(from),
    axis.orthStart(from) - axis.orthEnd(to),
  );
  const orthogonalCenterOffset = Math.abs(axis.orthCenter(to) - axis.orthCenter(from));
  return (
    primaryGap + ORTHOGONAL_GAP_WEIGHT * orthogonalGap + ORTHOGONAL_CENTER_WEIGHT * orthogonalCenterOffset
  );
}

export interface ScoredCandidate {
  readonly score: number;
  readonly rect: Rect;
  readonly order: number;
}

/**
 * Orders equally scored candidates: nearer center along the direction first, then reading order
 * (top to bottom, then left to right), then tree order. Never returns 0 for distinct nodes, so
 * the same scene and key always give the same answer.
 */
export function compareCandidates(
  from: Rect,
  direction: Direction,
  a: ScoredCandidate,
  b: ScoredCandidate,
): number {
  if (a.score !== b.score) return a.score - b.score;
  const axis = AXES[direction];
  const advanceA = Math.abs(axis.center(a.rect) - axis.center(from));
  const advanceB = Math.abs(axis.center(b.rect) - axis.center(from));
  if (advanceA !== advanceB) return advanceA - advanceB;
  if (a.rect.y !== b.rect.y) return a.rect.y - b.rect.y;
  if (a.rect.x !== b.rect.x) return a.rect.x - b.rect.x;
  return a.order - b.order;
}

/** Reading order for choosing a first focus when nothing says otherwise: top-left wins. */
export function compareReadingOrder(
  a: Omit<ScoredCandidate, 'score'>,
  b: Omit<ScoredCandidate, 'score'>,
): number {
  if (a.rect.y !== b.rect.y) return a.rect.y - b.rect.y;
  if (a.rect.x !== b.rect.x) return a.rect.x - b.rect.x;
  return a.order - b.order;
}
