/**
 * Share links: the whole scenario, deflate-compressed (CompressionStream, in browsers and Node alike) and
 * base64url-encoded in the URL fragment, so it never reaches a server. Decoding is size-limited.
 */
import { LIMITS } from '../scenario/limits.ts';
import { applyPatch, diffPatch, type Patch } from '../scenario/patch.ts';
import { parseJsonText } from '../scenario/untrusted.ts';

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

/** What a link carries: the file it started from (a shipped one by name) and the edits since. */
export function sharedEdits(original: unknown, draft: unknown, base: string | null) {
  const patch = diffPatch(original, draft);
  return base ? { jingsuanShare: 2, base, patch } : { jingsuanShare: 2, original, patch };
}

/** Most steps a link may carry: every value of the largest valid file changed is far fewer. */
const MAX_STEPS = 20_000;
const SAFE_KEY = /^(?!__proto__$|constructor$|prototype$)[A-Za-z_$][\w$-]*$/;

/**
 * The base and the edited draft from a link's text, null when the text is a whole scenario (the older links),
 * or why it cannot be read. The text is untrusted: parsed under the file limits, every step's path checked (names
 * and indices only, no prototype keys), the base one of the shipped files.
 */
export function readSharedEdits(
  text: string,
  shipped: Record<string, unknown>,
): { base: string | null; original: unknown; draft: unknown; patch: Patch } | { error: string } | null {
  const parsed = parseJsonText(text);
  if (parsed.problems.length) return { error: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
  const d = parsed.data as { jingsuanShare?: unknown; base?: unknown; original?: unknown; patch?: unknown };
  if (!d || typeof d !== 'object' || d.jingsuanShare !== 2) return null;
  if (!Array.isArray(d.patch) || d.patch.length > MAX_STEPS) return { error: 'patch: not a list of edits (or too many)' };
  for (const step of d.patch) {
    const ok =
      Array.isArray(step) &&
      step.length === 2 &&
      Array.isArray(step[0]) &&
      step[0].every(
        (k: unknown) => (typeof k === 'string' && SAFE_KEY.test(k)) || (Number.isInteger(k) && (k as number) >= 0 && (k as number) < 1e6),
      );
    if (!ok) return { error: `patch: an edit has a path that is not a list of names and indices (${JSON.stringify(step).slice(0, 80)})` };
  }
  let original: unknown;
  if (typeof d.base === 'string') {
    if (!Object.hasOwn(shipped, d.base)) return { error: `base: "${d.base.slice(0, 60)}" is not one of the shipped scenarios` };
    original = structuredClone(shipped[d.base]);
  } else original = d.original;
  return {
    base: typeof d.base === 'string' ? d.base : null,
    original,
    draft: applyPatch(original, d.patch as Patch),
    patch: d.patch as Patch,
  };
}
