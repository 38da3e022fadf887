/**
 * A chart as a standalone SVG file. Charts carry all their styling as attributes and use no
 * external resources (no web fonts, images, links or stylesheets), so the text opens the same in
 * a browser, Inkscape or a word processor.
 */
import { FONT_FAMILY, SVG_NS } from './frame.ts';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

// Readers that ignore the root's font-family attribute on nested text (some word processors)
// still honour a type selector in an inline <style>.
const INLINE_STYLE = `text { font-family: ${FONT_FAMILY}; }`;

/** Standalone SVG text of a chart: XML declaration, namespaces, inline style, no external references. */
export function serializeSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  if (!copy.getAttribute('version')) copy.setAttribute('version', '1.1');
  addInlineStyle(copy);
  return XML_DECLARATION + serializerFor(svg).serializeToString(copy) + '\n';
}

function addInlineStyle(svg: SVGSVGElement): void {
  const doc = svg.ownerDocument;
  const style = doc.createElementNS(SVG_NS, 'style');
  style.setAttribute('type', 'text/css');
  style.textContent = INLINE_STYLE;
  // after <title> and <desc>, which readers expect first
  const anchor = [...svg.children].find((c) => c.localName !== 'title' && c.localName !== 'desc') ?? null;
  svg.insertBefore(style, anchor);
}

// The serializer of the chart's own window (jsdom's in Node), else the global one (the browser's).
function serializerFor(svg: SVGSVGElement): XMLSerializer {
  const view = svg.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  if (!Serializer) throw new Error('serializeSvg: no XMLSerializer in this environment');
  return new Serializer();
}
