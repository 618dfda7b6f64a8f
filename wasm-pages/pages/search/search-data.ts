// The GET /api/search answer (bridge/api/search.ts, SearchResponseSchema) read out of the data
// Value. The host validated it against the same schema React's useFetch uses before handing it
// over, so only what the page draws is read.
import { Value } from "../../sdk";

/** What a result tile needs of a TitleSummary (bridge/api/title-summary.ts). */
export class Title {
  constructor(public id: string, public title: string, public imageUrl: string) {}

  static from(v: Value): Title {
    return new Title(v.get("id").asString(), v.get("title").asString(), v.get("imageUrl").asString());
  }
}

/** SearchResponse: `query` echoes the text searched, so a late answer can be recognised. */
export class SearchData {
  constructor(public query: string, public results: Title[]) {}

  static from(v: Value): SearchData {
    const list = v.get("results");
    const results: Title[] = [];
    for (let i = 0; i < list.length; i++) results.push(Title.from(list.at(i)));
    return new SearchData(v.get("query").asString(), results);
  }
}
