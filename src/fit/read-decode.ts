/**
 * The text of a bureau's CSV or TSV file, whatever Excel saved it as: UTF-8 (with or without the byte-order mark
 * Excel's "CSV UTF-8" writes), UTF-16 ("Unicode text", tab-separated, with its mark), or the code page of Chinese
 * Windows (GBK, read as its superset GB18030). Uses only TextDecoder, which Node 20 and browsers both have with
 * these encodings (WHATWG Encoding Standard §10.2 gb18030, §14.3 UTF-16LE).
 */
import { ClaimsFileError } from './read-cells.ts';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // Strict: GBK's two-byte sequences are almost never valid UTF-8 (a lead byte 0x81–0xFE followed by
    // 0x40–0xFE), so a file that decodes as UTF-8 without error is taken as UTF-8.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: strictDecode('gb18030', bytes), encoding: 'gb18030' };
  }
}

function strictDecode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const name = encoding === 'gb18030' ? 'neither UTF-8 nor GBK/GB18030' : `not valid ${encoding.toUpperCase()}`;
    const nameZh = encoding === 'gb18030' ? '既不是 UTF-8 也不是 GBK/GB18030' : `不是有效的 ${encoding.toUpperCase()}`;
    throw new ClaimsFileError(
      `the file is ${name} text (save it from Excel as "CSV UTF-8" or as .xlsx)`,
      `文件${nameZh}文本（请在 Excel 中另存为“CSV UTF-8”或 .xlsx）`,
    );
  }
}
