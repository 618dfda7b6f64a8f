// Route "shelf", served by the WASM world: AssemblyScript on the Ficus SDK, which asc finds in
// node_modules by the package path (node_modules/ficus/wasm-pages/sdk/index.ts).
import { Page, registerPage, root, text, Value, view } from "ficus/wasm-pages/sdk";

class ShelfPage extends Page {
  mount(params: Value): void {
    const stage = view().x(0).y(0).width(1920).height(1080).backgroundColor("#0d1f17");
    stage.append(text("Shelf (WASM)").x(80).y(60).width(1600).height(60).fontSize(48).color("#ffffff"));
    const item = view().x(80).y(180).width(480).height(90).backgroundColor("#2b553a").focusKey("shelf-item");
    item.append(text("Drawn by AssemblyScript").x(20).y(26).width(440).height(40).fontSize(30).color("#ffffff"));
    stage.append(item);
    root().append(stage);
  }
}

export * from "ficus/wasm-pages/sdk/exports"; // the six ABI exports, nothing else
registerPage(new ShelfPage());
