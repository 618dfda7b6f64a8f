import type { Easing } from '../../bridge/index.ts';

/** CSS's named timing functions as cubic Béziers (CSS Easing Functions Level 1). */
const BEZIERS: Readonly<Record<Easing, readonly [number, number, number, number]>> = {
  linear: [0, 0, 1, 1],
  ease: [0.25, 0.1, 0.25, 1],
  'ease-in': [0.42, 0, 1, 1],
  'ease-out': [0, 0, 0.58, 1],
  'ease-in-out': [0.42, 0, 0.58, 1],
};

/**
 * How far along an animation with timing function `easing` is at time fraction `t` (0 to 1): the
 * same curve the browser runs, so a retarget starts from where the node is actually shown.
 *
 * @example
 * eased('linear', 0.5);   // 0.5
 * eased('ease-out', 0.5); // ~0.69: most of the way there at half time
 */
export function eased(easing: Easing, t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  const [x1, y1, x2, y2] = BEZIERS[easing];
  if (x1 === y1 && x2 === y2) return t;
  // Solve bezierX(s) = t for s by Newton's method, falling back to bisection (x is monotonic).
  const bx = (s: number) => ((1 - 3 * x2 + 3 * x1) * s + (3 * x2 - 6 * x1)) * s * s + 3 * x1 * s;
  const by = (s: number) => ((1 - 3 * y2 + 3 * y1) * s + (3 * y2 - 6 * y1)) * s * s + 3 * y1 * s;
  const dx = (s: number) => 3 * (1 - 3 * x2 + 3 * x1) * s * s + 2 * (3 * x2 - 6 * x1) * s + 3 * x1;
  let s = t;
  for (let i = 0; i < 8; i++) {
    const error = bx(s) - t;
    if (Math.abs(error) < 1e-7) return by(s);
    const slope = dx(s);
    if (Math.abs(slope) < 1e-6) break;
    s -= error / slope;
  }
  let low = 0;
  let high = 1;
  s = t;
  for (let i = 0; i < 40 && high - low > 1e-7; i++) {
    if (bx(s) < t) low = s;
    else high = s;
    s = (low + high) / 2;
  }
  return by(s);
}
