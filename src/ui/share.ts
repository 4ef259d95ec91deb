/**
 * Share links: the whole scenario, deflate-compressed (CompressionStream, in browsers and Node alike) and
 * base64url-encoded in the URL fragment, so it never reaches a server. A link is untrusted like any file: its
 * length is bounded before it is decoded, its unpacked size while it is inflated (a small link can unpack to
 * gigabytes), its edits against the file they apply to (scenario/patch.ts); every refusal is worded for a
 * person (shareDamageText), never the browser's own text ("Failed to execute 'atob'", "Unexpected token").
 */
import { t, type Lang } from '../report/strings.ts';
import { messageIn } from '../report/field-names.ts';
import { printable } from '../scenario/characters.ts';
import { LIMITS } from '../scenario/limits.ts';
import { applyUntrustedPatch, diffPatch, type Patch, type PatchProblem } from '../scenario/patch.ts';
import { parseJsonText } from '../scenario/untrusted.ts';

/** Why a link cannot be read. */
export type ShareWhy =
  | PatchProblem
  | { kind: 'characters' }
  | { kind: 'linkTooLong'; length: number; max: number }
  | { kind: 'notDecodable' }
  | { kind: 'tooLarge'; max: number }
  | { kind: 'notText' }
  | { kind: 'base'; name: string };

export class ShareDamage extends Error {
  constructor(readonly why: ShareWhy) {
    super(`the link is damaged (${why.kind})`);
    this.name = 'ShareDamage';
  }
}

/**
 * The longest link code read: base64 of the largest file, deflated (deflate can grow incompressible text by a
 * few bytes per 16 KB block), with room to spare. Chromium's own cap on an address is 2 MB.
 */
export const MAX_CODE_LENGTH = Math.ceil(((LIMITS.fileBytes * 1.01 + 1024) * 4) / 3);

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  // Base64 in groups of four characters: a lone last one cannot be (atob would throw its own words).
  if (text.length % 4 === 1) throw new ShareDamage({ kind: 'notDecodable' });
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    throw new ShareDamage({ kind: 'notDecodable' });
  }
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ShareDamage({ kind: 'notDecodable' }); // not deflate data, or cut short
    }
    if (chunk.done) break;
    size += chunk.value.length;
    if (size > limit) {
      // Stops the inflating at once: a bomb is never unpacked past the limit.
      void reader.cancel().catch(() => undefined);
      throw new ShareDamage({ kind: 'tooLarge', max: limit });
    }
    chunks.push(chunk.value);
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

/** The JSON text of a shared scenario (to be validated like any file); a ShareDamage when it cannot be read. */
export async function decodeShare(code: string): Promise<string> {
  if (code.length > MAX_CODE_LENGTH) throw new ShareDamage({ kind: 'linkTooLong', length: code.length, max: MAX_CODE_LENGTH });
  if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new ShareDamage({ kind: 'characters' });
  const bytes = await pipe(fromBase64Url(code), new DecompressionStream('deflate-raw'), LIMITS.fileBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareDamage({ kind: 'notText' });
  }
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

/**
 * The base and the edited draft from a link's text, null when the text is a whole scenario (the older links),
 * or why it cannot be read. The text is untrusted: parsed under the file limits, the base one of the shipped
 * files, the edits applied only where the file has the field or item they set (applyUntrustedPatch).
 */
export function readSharedEdits(
  text: string,
  shipped: Record<string, unknown>,
): { base: string | null; original: unknown; draft: unknown; patch: Patch } | { error: ShareWhy } | null {
  const parsed = parseJsonText(text);
  if (parsed.data === undefined) return { error: { kind: 'notText' } };
  if (parsed.problems.length) return { error: { kind: 'limits', at: parsed.problems[0].path, message: parsed.problems[0].message } };
  const d = parsed.data as { jingsuanShare?: unknown; base?: unknown; original?: unknown; patch?: unknown };
  if (!d || typeof d !== 'object' || d.jingsuanShare !== 2) return null;
  let original: unknown;
  if (typeof d.base === 'string') {
    // The name is the link's, anyone's: shown escaped (a U+202E would reorder the refusal), cut by characters.
    if (!Object.hasOwn(shipped, d.base)) return { error: { kind: 'base', name: [...printable(d.base)].slice(0, 60).join('') } };
    original = shipped[d.base];
  } else original = d.original;
  const applied = applyUntrustedPatch(original, d.patch);
  if ('problem' in applied) return { error: applied.problem };
  return {
    base: typeof d.base === 'string' ? d.base : null,
    original: structuredClone(original),
    draft: applied.draft,
    patch: d.patch as Patch,
  };
}

/** A refused link in the page's words: "The share link is damaged: " and what is wrong, edits counted from 1. */
export function shareDamageText(why: ShareWhy, lang: Lang): string {
  const n = 'step' in why ? why.step + 1 : 0;
  const detail = (() => {
    switch (why.kind) {
      case 'characters':
        return t('shareWhyCharacters', lang);
      case 'linkTooLong':
        return t('shareWhyLinkTooLong', lang, why.length, why.max);
      case 'notDecodable':
        return t('shareWhyNotDecodable', lang);
      case 'tooLarge':
        return t('shareWhyTooLarge', lang, why.max);
      case 'notText':
        return t('shareWhyNotText', lang);
      case 'base':
        return t('shareWhyBase', lang, why.name);
      case 'limits':
        return t('shareWhyLimits', lang, why.at, messageIn(why.message, lang));
      case 'notList':
        return t('shareWhyNotList', lang);
      case 'tooManySteps':
        return t('shareWhyTooManySteps', lang, why.steps, why.max);
      case 'badStep':
        return t('shareWhyBadStep', lang, n);
      case 'pathTooLong':
        return t('shareWhyPathTooLong', lang, n, why.length, why.max);
      case 'noSuchField':
        return t('shareWhyNoSuchField', lang, n, why.at);
      case 'indexOutOfRange':
        return t('shareWhyIndex', lang, n, why.at, why.index, why.length);
    }
  })();
  return t('shareDamaged', lang, detail);
}
