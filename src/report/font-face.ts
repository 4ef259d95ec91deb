/**
 * One face out of a TrueType/OpenType collection (.ttc), as a standalone font file. resvg copies every face of a
 * collection it loads — Noto Sans CJK's ten faces cost about 0.8 s per chart — so `run --out` hands it the one
 * face it draws with. Format: OpenType spec, "Font Collections" (TTC header) and "Organization of an OpenType
 * Font" (table directory); the tables are copied unchanged, only their offsets move.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Family name (name ID 1, Windows Unicode) of the face whose table directory starts at `at`. */
function familyOf(buf: Buffer, at: number): string | null {
  const numTables = buf.readUInt16BE(at + 4);
  for (let i = 0; i < numTables; i++) {
    const rec = at + 12 + 16 * i;
    if (buf.toString('latin1', rec, rec + 4) !== 'name') continue;
    const table = buf.readUInt32BE(rec + 8);
    const count = buf.readUInt16BE(table + 2);
    const strings = table + buf.readUInt16BE(table + 4);
    for (let k = 0; k < count; k++) {
      const r = table + 6 + 12 * k;
      const [platform, encoding, , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => buf.readUInt16BE(r + o));
      if (platform === 3 && encoding === 1 && nameId === 1) {
        const bytes = Buffer.from(buf.subarray(strings + offset, strings + offset + length));
        return bytes.swap16().toString('utf16le');
      }
    }
  }
  return null;
}

/** The face's tables as a standalone font. */
function extract(buf: Buffer, at: number): Buffer {
  const numTables = buf.readUInt16BE(at + 4);
  const records = Array.from({ length: numTables }, (_, i) => {
    const rec = at + 12 + 16 * i;
    return { rec, offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) };
  });
  const header = 12 + 16 * numTables;
  let size = header;
  const placed = records.map((r) => {
    const offset = size;
    size += Math.ceil(r.length / 4) * 4;
    return offset;
  });
  const out = Buffer.alloc(size);
  buf.copy(out, 0, at, at + 12);
  records.forEach((r, i) => {
    buf.copy(out, 12 + 16 * i, r.rec, r.rec + 16);
    out.writeUInt32BE(placed[i], 12 + 16 * i + 8);
    buf.copy(out, placed[i], r.offset, r.offset + r.length);
  });
  return out;
}

/**
 * Path of a font file holding only `family` from the collection at `ttc` (cached in the temporary folder), or
 * the collection itself when it is not a collection or has no such face.
 */
export function singleFace(ttc: string, family: string): string {
  const name = `${ttc
    .split('/')
    .pop()!
    .replace(/\.ttc$/i, '')}-${family.replace(/\W+/g, '-')}.otf`;
  const dir = join(tmpdir(), 'jingsuan-fonts');
  const cached = join(dir, name);
  if (existsSync(cached)) return cached;
  const buf = readFileSync(ttc);
  if (buf.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const faces = buf.readUInt32BE(8);
  for (let i = 0; i < faces; i++) {
    const at = buf.readUInt32BE(12 + 4 * i);
    if (familyOf(buf, at) !== family) continue;
    mkdirSync(dir, { recursive: true });
    // Written under a temporary name and renamed: two processes at once never read half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, extract(buf, at));
    renameSync(partial, cached);
    return cached;
  }
  return ttc;
}
