import type { DashboardAssets } from './bundle.ts';
import type { DashboardData } from './dashboard-schemas.ts';
import { EMBEDDED_DATA_ID } from './load-data.ts';

/**
 * The dashboard as one self-contained HTML file (`npm run coverage -- --html FILE`): the page with
 * its stylesheets and script inlined and `data` embedded as JSON, so it opens from disk, mailed or
 * archived, with no server. The page script sees the embedded data and does not fetch.
 *
 * @example
 * writeFileSync('coverage.html', staticDashboardHtml(await bundleDashboard(), data));
 */
export function staticDashboardHtml(assets: DashboardAssets, data: DashboardData): string {
  const replace = (html: string, tag: RegExp, by: string) => {
    if (!tag.test(html))
      throw new Error(`host/dashboard/index.html no longer has ${tag}: update static-html.ts`);
    return html.replace(tag, () => by);
  };
  // Nothing inlined may close its element early: "</script" or "</style" inside it is escaped.
  const style = (css: string) => `<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>`;
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  let html = assets.html;
  html = replace(html, /<link rel="stylesheet" href="\.\/uPlot\.min\.css" \/>/, style(assets.uplotCss));
  html = replace(html, /<link rel="stylesheet" href="\.\/dashboard\.css" \/>/, style(assets.css));
  html = replace(
    html,
    /<script type="module" src="\.\/dashboard\.js"><\/script>/,
    `<script type="application/json" id="${EMBEDDED_DATA_ID}">${json}</script>\n    <script type="module">${assets.js.replace(/<\/(script)/gi, '<\\/$1')}</script>`,
  );
  return html;
}
