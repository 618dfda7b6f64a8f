// Port of legacy-react/pages/profiles/profile-card.tsx: an avatar (a colored square with the
// profile's initial) and the profile's name under it. The React card keeps `focused` in state; here
// the card's focus/blur handlers restyle the avatar's border and the name's color.
import { FocusEvent, FocusHandler, FontWeight, Node, Role, text, TextAlign, Value, view } from "../../sdk";
import { theme } from "../shared/theme";

/** PROFILE_CARD in the React page: must match. */
export namespace PROFILE_CARD {
  export const size: f64 = 200;
  export const gap: f64 = 60;
  export const nameHeight: f64 = 60;
  export const border: f64 = 6;
}

/** The focus key of a profile's card: stable, so focus can be restored on Back. */
export function profileFocusKey(profileId: string): string {
  return "profile:" + profileId;
}

/** The card's children: [avatar view, name text]. */
function styleCard(card: Node, focused: bool): void {
  if (card.children.length < 2) return;
  card.children[0].borderWidth(focused ? PROFILE_CARD.border : 0);
  card.children[1].color(focused ? theme.text : theme.textMuted);
}

function onCardFocus(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) styleCard(node, true);
}

function onCardBlur(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) styleCard(node, false);
}

/** `<ProfileCard profile x y onSelect />`; `onSelect` is a plain function (no captures). */
export function profileCard(profile: Value, x: f64, y: f64, onSelect: FocusHandler): Node {
  const size = PROFILE_CARD.size;
  const nameHeight = PROFILE_CARD.nameHeight;
  const name = profile.get("name").asString();
  const card = view()
    .focusKey(profileFocusKey(profile.get("id").asString()))
    .role(Role.BUTTON)
    .label(name)
    .x(x)
    .y(y)
    .width(size)
    .height(size + nameHeight);
  const avatar = view()
    .x(0)
    .y(0)
    .width(size)
    .height(size)
    .borderRadius(16)
    .backgroundColor(profile.get("avatarColor").asString())
    .borderColor(theme.focusBorder)
    .borderWidth(0);
  // profile.name.charAt(0).toUpperCase()
  avatar.append(
    text()
      .text(name.charAt(0).toUpperCase())
      .x(0)
      .y((size - 110) / 2)
      .width(size)
      .height(110)
      .fontSize(96)
      .fontWeight(FontWeight.BOLD)
      .textAlign(TextAlign.CENTER)
      .color("#000000"),
  );
  card.append(avatar);
  card.append(
    text()
      .text(name)
      .x(0)
      .y(size + 16)
      .width(size)
      .height(36)
      .fontSize(30)
      .textAlign(TextAlign.CENTER)
      .color(theme.textMuted)
      .maxLines(1),
  );
  card.onFocus(onCardFocus).onBlur(onCardBlur).onSelect(onSelect);
  return card;
}
