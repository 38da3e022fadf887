/** A chart's SVG text to a PNG in the browser: drawn by the browser itself through an <img> onto a canvas. */
import { pngPixelSize, svgSize, type PngScale } from './png-size.ts';
import { withPngDpi } from './png-dpi.ts';

export interface PngBlobOptions {
  /** stamps the PNG with this resolution (pHYs), e.g. 300 for a print PNG */
  dpi?: number;
  /** the document whose Image and canvas to use (default the global one) */
  document?: Document;
}

/** Renders SVG text to a PNG Blob at `scale` (1, 2, or { widthPx } for print) on a white background. */
export async function svgToPngBlob(svgText: string, scale: PngScale, options: PngBlobOptions = {}): Promise<Blob> {
  const doc = options.document ?? document;
  const size = pngPixelSize(svgSize(svgText), scale);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = doc.createElement('img');
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = doc.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser has no 2D canvas to draw the PNG on');
    // Charts have their own white background; this only covers anti-aliased edges.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    // Drawing the SVG at the target size (not scaling a bitmap) keeps lines and text sharp.
    context.drawImage(image, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
    );
    if (options.dpi === undefined) return blob;
    return new Blob([withPngDpi(new Uint8Array(await blob.arrayBuffer()), options.dpi) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
