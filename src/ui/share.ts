/**
 * Share links: the whole scenario, deflate-compressed (CompressionStream, in browsers and Node alike) and
 * base64url-encoded in the URL fragment, so it never reaches a server. Decoding is size-limited.
 */
import { LIMITS } from '../scenario/limits.ts';

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) throw new Error(`shared scenario is larger than ${limit} bytes`);
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export async function encodeShare(scenario: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** The JSON text of a shared scenario (to be validated like any file). */
export async function decodeShare(code: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error('the link is damaged (unexpected characters)');
  const bytes = await pipe(fromBase64Url(code), new DecompressionStream('deflate-raw'), LIMITS.fileBytes);
  return new TextDecoder().decode(bytes);
}

export function shareCodeFromHash(hash: string): string | null {
  const m = /(?:^#|&)s=([A-Za-z0-9_-]+)/.exec(hash);
  return m ? m[1] : null;
}
