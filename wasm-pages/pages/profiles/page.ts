// Route "profiles" (no params), ported from legacy-react/pages/profiles/profiles-page.tsx (the
// ground truth): "Who's watching?" and one avatar card per profile in a centered row. Initial
// focus: the first profile (the page's `preferredChild`). Selecting a profile opens its home:
// navigate("collections", { profile: id }). While /api/profiles loads: a loading panel; when it
// fails: an error panel whose Retry loads again.
//
// Scene, as React builds it (the page's top node is a child of root()):
//   Page view (full stage, background, preferredChild per state)
//     loading: LoadingPanel
//     error:   ErrorPanel (preferredChild "error-retry")
//     ready:   title text, ProfileRow view > ProfileCard × n (preferredChild: the first card)
import {
  apiPaths, DataResult, FocusEvent, FontWeight, navigate, Node, Page, params1, Prop, registerPage, requestData, root,
  Role, text, TextAlign, Value, view,
} from "../../sdk";
import { PROFILE_CARD, profileCard, profileFocusKey } from "./profile-card";
import { errorPanel, loadingPanel } from "../shared/status-panels";
import { STAGE, theme } from "../shared/theme";

const TITLE_Y: f64 = 260;
const ROW_Y: f64 = 400;
/** PANEL in the React page: where the loading and error panels sit. */
namespace PANEL {
  export const x: f64 = 560;
  export const y: f64 = 400;
  export const width: f64 = 800;
  export const height: f64 = 280;
}

// Handlers cannot capture: they reach the page through the module-level `page`.
function onProfiles(result: DataResult): void {
  page.showResult(result);
}

function retry(event: FocusEvent): void {
  page.load();
}

function openProfile(event: FocusEvent): void {
  const node = event.node;
  if (node === null) return;
  const ids = page.profileIds;
  if (node.tag < 0 || node.tag >= ids.length) return;
  navigate("collections", params1("profile", ids[node.tag]));
}

class ProfilesPage extends Page {
  /** The full-stage page view (React's <Page>): kept across states, as React keeps it. */
  stage: Node | null = null;
  /** The id of each card's profile, by the card's `tag`. */
  profileIds: string[] = [];
  /** The request in flight (0: none). */
  requestId: i32 = 0;

  mount(params: Value): void {
    const stage = view()
      .x(0)
      .y(0)
      .width(STAGE.width)
      .height(STAGE.height)
      .backgroundColor(theme.background);
    root().append(stage);
    this.stage = stage;
    this.load();
  }

  /** The loading state, and a (new) request: useFetch on mount and on retry(). */
  load(): void {
    const stage = this.stage!;
    this.setPreferredChild("");
    stage.removeChildren();
    this.profileIds = [];
    stage.append(loadingPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height));
    this.requestId = requestData(apiPaths.profiles(), onProfiles);
  }

  showResult(result: DataResult): void {
    if (result.requestId != this.requestId) return;
    this.requestId = 0;
    const stage = this.stage!;
    stage.removeChildren();
    if (!result.ok) {
      this.setPreferredChild("error-retry");
      stage.append(errorPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height, result.error, retry));
      return;
    }

    const list = result.body.get("profiles");
    this.setPreferredChild(list.length > 0 ? profileFocusKey(list.at(0).get("id").asString()) : "");
    stage.append(
      text("Who's watching?")
        .role(Role.HEADING)
        .x(0)
        .y(TITLE_Y)
        .width(STAGE.width)
        .height(70)
        .fontSize(56)
        .fontWeight(FontWeight.BOLD)
        .textAlign(TextAlign.CENTER)
        .color(theme.text),
    );
    stage.append(this.profileRow(list));
  }

  /** React's ProfileRow: the cards in a row centered on the stage. */
  profileRow(profiles: Value): Node {
    const stride = PROFILE_CARD.size + PROFILE_CARD.gap;
    const width = Math.max(0, <f64>profiles.length * stride - PROFILE_CARD.gap);
    const row = view()
      .x((STAGE.width - width) / 2)
      .y(ROW_Y)
      .width(width)
      .height(PROFILE_CARD.size + PROFILE_CARD.nameHeight);
    const ids: string[] = [];
    for (let index = 0; index < profiles.length; index++) {
      const profile = profiles.at(index);
      ids.push(profile.get("id").asString());
      const card = profileCard(profile, <f64>index * stride, 0, openProfile);
      card.tag = index;
      row.append(card);
    }
    this.profileIds = ids;
    return row;
  }

  /** `preferredChild` of the page view; "" leaves it unset (React spreads {} for undefined). */
  setPreferredChild(key: string): void {
    if (key.length > 0) this.stage!.preferredChild(key);
    else this.stage!.clear(Prop.PreferredChild);
  }
}

const page = new ProfilesPage();
export * from "../../sdk/exports";
registerPage(page);
