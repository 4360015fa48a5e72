// Hands a picked file to the engine: refused at once past 10 MiB, else read with FileReader (reporting
// progress, for the progress bar) and staged.
import type { Draft } from '../../../common/desktop/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../../common/limits.js';
import { desktopApi } from '../api/client.js';
import { readFileAsBase64 } from './files.js';
import { count } from './format.js';

export type PickedAttachment = Draft['attachments'][number];

/** A file being attached: how much of it is read; `loaded === total` while the app stores it. */
export interface StagingProgress {
  key: number;
  name: string;
  loaded: number;
  total: number;
}

/** The limit in the users' words ("not to exceed 10MB"), with the exact bytes so sizes near it never disagree. */
export const ATTACHMENT_LIMIT_TEXT = `10 MB (${count(MAX_ATTACHMENT_BYTES)} bytes)`;

/** The sentence shown when a file is over the limit, or null when it may be attached. */
export function tooLarge(file: File): string | null {
  if (file.size <= MAX_ATTACHMENT_BYTES) return null;
  return `"${file.name}" is ${count(file.size)} bytes. Attachments can't be larger than ${ATTACHMENT_LIMIT_TEXT}, so it was not attached.`;
}

export async function stageLocalFile(
  file: File,
  onProgress: (loaded: number) => void = () => {},
): Promise<PickedAttachment> {
  const problem = tooLarge(file);
  if (problem) throw new Error(problem);
  const base64 = await readFileAsBase64(file, onProgress);
  onProgress(file.size);
  const staged = await desktopApi().stageFile({ name: file.name, mimeType: file.type, base64 });
  return { kind: 'file', id: staged.id, name: staged.name };
}

let nextKey = 1;

/** Stages `file` while keeping a progress list (held by the caller's state) current; the entry goes when done. */
export async function stageWithProgress(
  file: File,
  updateProgress: (update: (list: StagingProgress[]) => StagingProgress[]) => void,
): Promise<PickedAttachment> {
  const key = nextKey++;
  updateProgress((list) => [...list, { key, name: file.name, loaded: 0, total: file.size }]);
  try {
    return await stageLocalFile(file, (loaded) =>
      updateProgress((list) => list.map((p) => (p.key === key ? { ...p, loaded } : p))),
    );
  } finally {
    updateProgress((list) => list.filter((p) => p.key !== key));
  }
}
