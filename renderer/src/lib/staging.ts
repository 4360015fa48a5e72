// Hands a picked file to the engine: refused at once past 10 MiB, else read with FileReader and staged.
import type { Draft } from '../../../common/desktop/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../../common/limits.js';
import { desktopApi } from '../api/client.js';
import { readFileAsBase64 } from './files.js';
import { fileSize } from './format.js';

export type PickedAttachment = Draft['attachments'][number];

/** The sentence shown when a file is over the limit, or null when it may be attached. */
export function tooLarge(file: File): string | null {
  if (file.size <= MAX_ATTACHMENT_BYTES) return null;
  return `"${file.name}" is ${fileSize(file.size)}. Attachments can't be larger than 10 MB, so it was not attached.`;
}

export async function stageLocalFile(file: File): Promise<PickedAttachment> {
  const problem = tooLarge(file);
  if (problem) throw new Error(problem);
  const base64 = await readFileAsBase64(file);
  const staged = await desktopApi().stageFile({ name: file.name, mimeType: file.type, base64 });
  return { kind: 'file', id: staged.id, name: staged.name };
}
