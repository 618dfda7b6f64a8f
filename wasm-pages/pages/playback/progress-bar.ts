// Port of legacy-react/pages/playback/progress-bar.tsx: the focusable progress bar (a track with
// its filled part, and a knob while focused) with elapsed and total time under it. Left and right
// never move focus off it (its wrapper is a boundary): they reach the page as arrows and seek.
// React re-renders from `useIsFocused`; here the scrubber's focus/blur handlers call setFocused.
import { Boundary, FocusHandler, Node, Role, text, TextAlign, view } from "../../sdk";
import { formatTime } from "./format-time";
import { SCRUBBER, TIME_TEXT, TRACK } from "./layout";
import { theme } from "../shared/theme";

export const SCRUBBER_FOCUS_KEY = "playback:scrubber";
/** SCRUBBER_LABEL of the React page: must match. */
const SCRUBBER_LABEL = "Seek: left and right move 10 seconds";
/** The track's color (not in the theme). */
const TRACK_COLOR = "#ffffff33";
const KNOB_SIZE: f64 = 28;

/** filledWidth: the filled part of a track `trackWidth` wide, in whole pixels. */
export function filledWidth(position: i32, duration: i32, trackWidth: f64): f64 {
  return duration > 0 ? Math.round((trackWidth * <f64>position) / <f64>duration) : 0;
}

/** `<ProgressBar position duration onSeek onSelect />`: its nodes, kept to restyle in place. */
export class ProgressBar {
  /** The boundary wrapper (left/right), the first of the bar's three top nodes. */
  wrapper: Node;
  scrubber: Node;
  track: Node;
  fill: Node;
  /** Only while the scrubber has focus, as in React. */
  knob: Node | null = null;
  elapsed: Node;
  total: Node;
  focused: bool = false;
  position: i32;
  duration: i32;

  /** Builds the bar and appends its three top nodes (wrapper, elapsed, total) to `parent`. */
  constructor(parent: Node, position: i32, duration: i32, onArrow: FocusHandler, onSelect: FocusHandler,
    onFocus: FocusHandler, onBlur: FocusHandler) {
    this.position = position;
    this.duration = duration;
    // The boundary sits on a wrapper: the focus engine fences focus inside a node's ancestors.
    const wrapper = view()
      .x(SCRUBBER.x)
      .y(SCRUBBER.y)
      .width(SCRUBBER.width)
      .height(SCRUBBER.height)
      .boundary(Boundary.LEFT | Boundary.RIGHT);
    const scrubber = view().focusKey(SCRUBBER_FOCUS_KEY).role(Role.BUTTON).label(SCRUBBER_LABEL).x(0).y(0).width(SCRUBBER.width).height(SCRUBBER.height);
    scrubber.onArrow(onArrow).onSelect(onSelect).onFocus(onFocus).onBlur(onBlur);
    const track = view().x(0).width(SCRUBBER.width).backgroundColor(TRACK_COLOR);
    const fill = view().x(0).y(0).backgroundColor(theme.accent);
    track.append(fill);
    scrubber.append(track);
    wrapper.append(scrubber);
    this.wrapper = wrapper;
    this.scrubber = scrubber;
    this.track = track;
    this.fill = fill;
    this.elapsed = text()
      .x(SCRUBBER.x)
      .y(TIME_TEXT.y)
      .width(TIME_TEXT.width)
      .height(TIME_TEXT.height)
      .fontSize(28)
      .color(theme.text);
    this.total = text()
      .x(SCRUBBER.x + SCRUBBER.width - TIME_TEXT.width)
      .y(TIME_TEXT.y)
      .width(TIME_TEXT.width)
      .height(TIME_TEXT.height)
      .fontSize(28)
      .textAlign(TextAlign.RIGHT)
      .color(theme.textMuted);
    parent.append(this.wrapper).append(this.elapsed).append(this.total);
    this.render();
  }

  /** New props, as React re-renders with them. */
  update(position: i32, duration: i32): void {
    this.position = position;
    this.duration = duration;
    this.render();
  }

  /** useIsFocused(SCRUBBER_FOCUS_KEY) changed. */
  setFocused(focused: bool): void {
    if (focused == this.focused) return;
    this.focused = focused;
    const knob = this.knob;
    if (focused && knob === null) {
      const made = view()
        .y((SCRUBBER.height - KNOB_SIZE) / 2)
        .width(KNOB_SIZE)
        .height(KNOB_SIZE)
        .borderRadius(KNOB_SIZE / 2)
        .backgroundColor(theme.text);
      this.scrubber.append(made);
      this.knob = made;
    } else if (!focused && knob !== null) {
      knob.remove();
      this.knob = null;
    }
    this.render();
  }

  private render(): void {
    const trackHeight = this.focused ? TRACK.focusedHeight : TRACK.height;
    const filled = filledWidth(this.position, this.duration, SCRUBBER.width);
    this.track.y((SCRUBBER.height - trackHeight) / 2).height(trackHeight).borderRadius(trackHeight / 2);
    this.fill.width(filled).height(trackHeight).borderRadius(trackHeight / 2);
    const knob = this.knob;
    if (knob !== null) knob.x(filled - KNOB_SIZE / 2);
    // React's <Text>{formatTime(...)}</Text>: the text prop is always set.
    this.elapsed.text(formatTime(this.position));
    this.total.text(formatTime(this.duration));
  }
}
