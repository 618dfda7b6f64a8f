// The GET /api/home answer (bridge/api/home.ts, HomeResponseSchema) read out of the data Value.
// The host validated it against the same schema React's useFetch uses before handing it over.
import { formatNumber, Value } from "../../sdk";

/** TitleSummary (bridge/api/title-summary.ts). */
export class Title {
  constructor(
    public id: string,
    public title: string,
    public year: f64,
    public genre: string,
    public imageUrl: string,
    public rating: string,
  ) {}

  static from(v: Value): Title {
    return new Title(
      v.get("id").asString(),
      v.get("title").asString(),
      v.get("year").asNumber(0),
      v.get("genre").asString(),
      v.get("imageUrl").asString(),
      v.get("rating").asString(),
    );
  }
}

/** Rail (bridge/api/home.ts). */
export class RailData {
  constructor(public id: string, public title: string, public items: Title[]) {}

  static from(v: Value): RailData {
    const list = v.get("items");
    const items: Title[] = [];
    for (let i = 0; i < list.length; i++) items.push(Title.from(list.at(i)));
    return new RailData(v.get("id").asString(), v.get("title").asString(), items);
  }
}

/** HomeResponse (bridge/api/home.ts). */
export class HomeData {
  constructor(public hero: Title, public rails: RailData[]) {}

  static from(v: Value): HomeData {
    const list = v.get("rails");
    const rails: RailData[] = [];
    for (let i = 0; i < list.length; i++) rails.push(RailData.from(list.at(i)));
    return new HomeData(Title.from(v.get("hero")), rails);
  }
}

/** `${year}` as JavaScript prints it. */
export function yearText(year: f64): string {
  return formatNumber(year);
}
