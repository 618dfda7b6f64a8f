// Example "navigation": shows the route and params it was mounted with; its buttons ask the router
// to navigate (with params), replace the current entry, or go back.
import {
  back, FocusEvent, navigate, Node, Page, params1, registerPage, replace, root, text, Value, view,
} from "../index";

function openDetails(event: FocusEvent): void {
  navigate("details", params1("id", "t0001"));
}

function openSettingsInstead(event: FocusEvent): void {
  replace("settings", Value.newObject());
}

function goBack(event: FocusEvent): void {
  back();
}

class NavigationPage extends Page {
  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117").preferredChild("nav:details");
    stage.append(text("Route: " + this.route).rect(80, 40, 1600, 50).fontSize(36).color("#ffffff"));
    // Params are an object of strings: list them as key=value.
    let shown = "";
    for (let i = 0; i < params.length; i++) {
      shown += (i > 0 ? ", " : "") + params.keyAt(i) + "=" + params.at(i).asString();
    }
    stage.append(text("Params: " + (shown.length > 0 ? shown : "none")).rect(80, 100, 1600, 40).fontSize(28).color("#aaaaaa"));

    stage.append(button("nav:details", "Open details t0001", 0).onSelect(openDetails));
    stage.append(button("nav:replace", "Replace with settings", 1).onSelect(openSettingsInstead));
    stage.append(button("nav:back", "Back", 2).onSelect(goBack));
    root().append(stage);
  }
}

function button(key: string, label: string, index: i32): Node {
  const b = view().rect(<f64>(80 + index * 440), 200, 400, 90).backgroundColor("#2b3a55").focusKey(key);
  b.append(text(label).rect(20, 28, 360, 36).fontSize(28).color("#ffffff"));
  return b;
}

export * from "../exports";
registerPage(new NavigationPage());
