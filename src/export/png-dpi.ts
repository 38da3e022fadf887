/**
 * Stamps a PNG with its resolution (a pHYs chunk), so that a word processor places a print PNG at
 * its intended physical width (2008 px at 300 dpi: 170 mm) instead of at 96 dpi (530 mm).
 */

const SIGNATURE_LENGTH = 8;
const IHDR_END = SIGNATURE_LENGTH + 4 + 4 + 13 + 4; // length, type, 13 bytes of data, CRC

let crcTable: Uint32Array | null = null;

/** CRC-32 of PNG chunks (ISO 3309, the same as zlib's). */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const chunkType = (png: Uint8Array, at: number): string => String.fromCharCode(...png.subarray(at + 4, at + 8));

/** The PNG with a pHYs chunk saying `dpi` (any pHYs it had is replaced); the pixels are untouched. */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (chunkType(png, SIGNATURE_LENGTH) !== 'IHDR') throw new Error('withPngDpi: not a PNG');
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  // Copy every chunk but an old pHYs, putting the new one right after IHDR (it must precede IDAT).
  const parts: Uint8Array[] = [png.subarray(0, IHDR_END), chunk];
  const source = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = IHDR_END; at < png.length; ) {
    const end = at + 12 + source.getUint32(at);
    if (chunkType(png, at) !== 'pHYs') parts.push(png.subarray(at, end));
    at = end;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
