/**
 * Text in a link: deflate-raw (RFC 1951, the browser's CompressionStream) then base64url (RFC 4648
 * section 5) without padding. A scenario's JSON shrinks to about a third; a patch of one field to a
 * few dozen characters.
 */

/** Compresses UTF-8 text into base64url. */
export async function compressToBase64Url(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return bytesToBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/**
 * The text compressed in `encoded`; throws a plain message when it is not base64url, not deflate
 * data, not UTF-8, or would inflate past `maxBytes` (a hostile link must not fill the memory).
 */
export async function decompressFromBase64Url(encoded: string, maxBytes: number): Promise<string> {
  const bytes = base64UrlToBytes(encoded);
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        void reader.cancel();
        throw new Error(`it would unpack to more than ${Math.round(maxBytes / 1e6)} MB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('it would unpack')) throw error;
    throw new Error('it is not compressed data (it may have been cut short when copied)', { cause: error });
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch (error) {
    throw new Error('it does not unpack to text', { cause: error });
  }
}

/** Bytes to base64url without padding. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...all) overflows the call stack past about 100 kB.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padded or not) to bytes; throws a plain message on any other character. */
export function base64UrlToBytes(encoded: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) throw new Error('it is not base64url text (it may have been cut short or changed when copied)');
  try {
    return Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch (error) {
    throw new Error('it is not base64url text (it may have been cut short when copied)', { cause: error });
  }
}

/** UTF-8 text to base64url without padding (the uncompressed form older links used). */
export function base64UrlEncode(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}

/** base64url back to UTF-8 text; throws on anything else. */
export function base64UrlDecode(encoded: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(encoded));
}
