/**
 * A chart's SVG text to PNG bytes in Node, with resvg (a Rust SVG renderer shipped as a prebuilt
 * binary inside the npm package; no browser needed). Node only: the app uses png-browser.ts.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { pngPixelSize, svgSize, type PngScale } from './png-size.ts';
import { withPngDpi } from './png-dpi.ts';

// The charts ask for system-ui and common UI fonts, which resvg (no fontconfig) rarely finds on
// Linux; it then uses this default. DejaVu Sans is what Linux browsers show for system-ui, and the
// charts' text-width estimates assume it. When it is missing resvg falls back to the first system font.
const FONTS: ResvgRenderOptions['font'] = { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };

/** PNG bytes of SVG text at `scale` (1, 2, or { widthPx }), stamped with `dpi` when given. */
export function svgToPng(svgText: string, scale: PngScale, dpi?: number): Uint8Array {
  const { width } = pngPixelSize(svgSize(svgText), scale);
  const png = new Resvg(svgText, { font: FONTS, fitTo: { mode: 'width', value: width }, background: '#ffffff', logLevel: 'error' })
    .render()
    .asPng();
  const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  return dpi === undefined ? bytes : withPngDpi(bytes, dpi);
}

/** True when resvg can draw text on this machine (some system font loaded); without one, PNGs lose every label. */
export function pngTextRenders(): boolean {
  const probe = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="16" font-size="16" font-family="sans-serif">MW</text></svg>';
  const pixels = new Resvg(probe, { font: FONTS, background: '#ffffff', logLevel: 'off' }).render().pixels;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) return true;
  return false;
}
