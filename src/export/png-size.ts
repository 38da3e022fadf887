/** Pixel sizes of PNG exports: 1x and 2x of the SVG's CSS size, or print at 300 dpi for a chosen physical width. */

export const PRINT_DPI = 300;
export const MM_PER_INCH = 25.4;
/** The default print width: a full text column of A4 with 20 mm margins. */
export const DEFAULT_PRINT_WIDTH_MM = 170;

/** How large to make a PNG: a multiple of the SVG's CSS size, or a width in pixels (height follows the aspect ratio). */
export type PngScale = number | { widthPx: number };

export interface PixelSize {
  width: number;
  height: number;
}

/** Pixels across a print of `width` in mm or inches at `dpi`: px = inches x dpi (170 mm at 300 dpi: 2008 px). */
export function printWidthPx(width: { mm: number } | { inches: number }, dpi = PRINT_DPI): number {
  const inches = 'mm' in width ? width.mm / MM_PER_INCH : width.inches;
  if (!(inches > 0) || !Number.isFinite(inches)) throw new RangeError(`print width must be a positive number, got ${JSON.stringify(width)}`);
  return Math.round(inches * dpi);
}

/** The pixel size of a PNG of an SVG of CSS size `svg` at `scale`. */
export function pngPixelSize(svg: PixelSize, scale: PngScale): PixelSize {
  const factor = typeof scale === 'number' ? scale : scale.widthPx / svg.width;
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`PNG scale must be a positive number, got ${JSON.stringify(scale)}`);
  return { width: Math.max(1, Math.round(svg.width * factor)), height: Math.max(1, Math.round(svg.height * factor)) };
}

/** The CSS size of an exported chart, read from its root's width and height attributes. */
export function svgSize(svgText: string): PixelSize {
  const root = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  const width = attr('width');
  const height = attr('height');
  if (!(width > 0 && height > 0)) throw new Error('svgSize: the SVG has no numeric width and height on its root');
  return { width, height };
}
