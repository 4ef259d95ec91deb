/**
 * A dropped or picked file's text, read only up to the size limit (+1 byte, so an oversize file is recognised
 * without trusting its declared size alone): a 600 MB drop is refused at once instead of read whole.
 */
import { LIMITS } from '../scenario/limits.ts';

export async function readFileText(file: Blob & { name: string }): Promise<{ text: string } | { error: string }> {
  if (file.size > LIMITS.fileBytes)
    return {
      error: `${file.name}: ${file.size.toLocaleString('en')} bytes; the limit for a scenario file is ${LIMITS.fileBytes.toLocaleString('en')}`,
    };
  const bytes = new Uint8Array(await file.slice(0, LIMITS.fileBytes + 1).arrayBuffer());
  if (bytes.length > LIMITS.fileBytes)
    return { error: `${file.name}: larger than ${LIMITS.fileBytes.toLocaleString('en')} bytes, the limit for a scenario file` };
  if (bytes.includes(0)) return { error: `${file.name}: not a JSON text file (it contains binary data)` };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}
