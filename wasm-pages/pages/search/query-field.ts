// Port of legacy-react/pages/search/query-field.tsx: the text typed so far, above the keyboard,
// or a muted placeholder while it is empty.
import { Node, text, view } from "../../sdk";
import { QUERY_FIELD } from "./layout";
import { theme } from "../shared/theme";

/** QUERY_PLACEHOLDER of the React page: must match. */
export const QUERY_PLACEHOLDER = "Type to search";

export class QueryField {
  constructor(public node: Node, public label: Node) {}

  /** `<QueryField query />` re-rendered with a new query. */
  show(query: string): void {
    const empty = query.length == 0;
    this.label.text(empty ? QUERY_PLACEHOLDER : query).color(empty ? theme.textMuted : theme.text);
  }
}

/** `<QueryField query="" />` */
export function queryField(): QueryField {
  const node = view()
    .x(QUERY_FIELD.x)
    .y(QUERY_FIELD.y)
    .width(QUERY_FIELD.width)
    .height(QUERY_FIELD.height)
    .borderRadius(8)
    .backgroundColor(theme.surface);
  const label = text()
    .x(20)
    .y(<f64>((QUERY_FIELD.height - 40) / 2))
    .width(<f64>(QUERY_FIELD.width - 40))
    .height(40)
    .fontSize(32)
    .maxLines(1);
  node.append(label);
  const field = new QueryField(node, label);
  field.show("");
  return field;
}
