/**
 * The report's stylesheet, inlined in the file: screen and print (A4), system fonts only, so the
 * file makes no request and prints to PDF from any browser.
 */
import { FONT_FAMILY } from '../charts/frame.ts';

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: ${FONT_FAMILY}; color: #1f2328; background: #fff; margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 980px; margin: 0 auto; padding: 24px 24px 48px; }
h1 { font-size: 1.8em; margin: 0 0 0.3em; }
h2 { font-size: 1.35em; margin: 1.8em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.08em; margin: 1.4em 0 0.4em; }
p.lead { font-size: 1.08em; color: #3d444d; margin: 0.2em 0 1em; }
p.note { color: #57606a; font-size: 0.9em; margin: 0.3em 0 1em; }
span.note { color: #57606a; font-size: 0.9em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; overflow-wrap: anywhere; }
a { color: #0a58ca; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1.2em; margin: 0.6em 0 1em; }
dl.facts dt { font-weight: 600; color: #3d444d; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.88em; }
caption { text-align: left; font-weight: 600; padding: 0.2em 0 0.4em; }
th, td { border-bottom: 1px solid #d8dee4; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; border-bottom: 2px solid #afb8c1; font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.num .ci { display: block; color: #57606a; font-size: 0.9em; }
thead th.num { white-space: normal; }
figure.chart { margin: 1.2em 0 1.8em; }
/* the chart draws its own title; the caption names the figure for screen readers and the outline only */
figure.chart figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid #e4e8ec; }
section.headline { border-left: 4px solid #0a58ca; background: #f3f7fc; padding: 0.6em 1em; margin: 1em 0 1.4em; }
section.headline h2 { margin: 0.2em 0 0.4em; border-bottom: none; font-size: 1.15em; }
section.headline p { margin: 0.35em 0; font-size: 1.05em; }
section.headline a { font-size: 0.85em; white-space: nowrap; }
section.headline strong:is([data-figure$="lo" i], [data-figure$="hi" i]) { font-weight: normal; }
footer { margin-top: 3em; color: #57606a; font-size: 0.85em; }

@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  /* the address of a reference is part of the citation on paper */
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; color: #57606a; overflow-wrap: anywhere; }
  section.major { break-before: page; }
  h2, h3, caption { break-after: avoid; }
  figure.chart, tr, dl.facts { break-inside: avoid; }
  thead { display: table-header-group; }
  figure.chart svg { border: none; width: 100%; }
  table { font-size: 8.5pt; }
}
`;
