/**
 * The public pages' stylesheet, served from `/public/assets/publication.css`
 * (a file from 'self': the CSP needs no exception). Colours: text and
 * graphics ≥ 4.5:1 on white; statuses are told by words and shapes too.
 * Print: no navigation, link targets printed, rows not split.
 */
export const PUBLICATION_CSS = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #495057; --link: #0b4f94; --line: #c4c9cf;
  --at: #1e6b34; --not: #a51d2d; --bg-soft: #f3f5f7; --eu: #003399; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: var(--text); background: #fff; }
body { margin: 0; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
main:focus { outline: none; }
.skip { position: absolute; left: -999rem; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.site-header { border-bottom: 1px solid var(--line); padding: 0.75rem 0; margin-bottom: 1.5rem; }
.site-header .wrap { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; }
.site-name { font-weight: 700; font-size: 1.125rem; margin: 0; }
.lang-switch { order: 3; margin: 0 0 0 auto; }
.eu { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.25rem; }
.eu-mark { display: flex; align-items: center; gap: 0.75rem; }
.eu-emblem { display: block; flex: none; }
.eu-name { margin: 0; font-weight: 700; color: var(--eu); font-size: 1.05rem; }
.eu-text p { margin: 0.1rem 0; max-width: 38rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 0.75rem; }
h2 { font-size: 1.45rem; margin: 2.25rem 0 0.75rem; padding-top: 0.75rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.lead { font-size: 1.1rem; max-width: 48rem; }
.muted { color: var(--muted); font-weight: normal; }
.notice { border-left: 4px solid var(--muted); background: var(--bg-soft); padding: 0.5rem 0.75rem; }
.toc ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; list-style: none; }
.key-figure { font-size: 1.25rem; }
.calendar { padding-left: 1.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); }
tfoot th, tfoot td { border-top: 2px solid var(--text); font-weight: 700; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-scroll { overflow-x: auto; }
.status { white-space: nowrap; font-weight: 600; }
.status-at { color: var(--at); }
.status-not { color: var(--not); }
.status-out { color: var(--muted); }
.figures { padding-left: 1.25rem; }
.map { margin: 0.5rem 0 1.5rem; }
.map svg { width: 100%; height: auto; max-width: 48rem; display: block; }
.map-frame { fill: var(--bg-soft); stroke: var(--line); }
.m-at { fill: var(--at); stroke: #fff; stroke-width: 1; }
.m-not { fill: var(--not); stroke: #fff; stroke-width: 1; }
.m-out { fill: #fff; stroke: var(--muted); stroke-width: 1.5; }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.legend svg { vertical-align: -1px; }
.page-footer { margin-top: 3rem; padding: 1rem 0 2rem; border-top: 1px solid var(--line); }
.footer-links { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; padding: 0; list-style: none; }
code { font-size: 0.9em; }
@media print {
  html { font-size: 10pt; }
  .skip, .lang-switch, .toc, .table-scroll + p a[href^="#"] { display: none; }
  .table-scroll { overflow: visible; }
  .site-header { border: none; }
  h2 { break-after: avoid; }
  tr, .eu, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  details > * { display: block; }
  a { color: inherit; text-decoration: none; }
  main a[href^="http"]::after, main a[href^="/public"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
`;
