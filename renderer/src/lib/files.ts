// File plumbing: read a picked file as base64, and hand fetched bytes to the user as a download.
import type { FileContent } from '../../../common/desktop/index.js';

/** Reads a File as base64 (without the data: URL prefix) using FileReader, reporting bytes read so far. */
export function readFileAsBase64(file: Blob, onProgress: (loaded: number) => void = () => {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => onProgress(event.loaded);
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function base64ToBlob(content: FileContent): Blob {
  const binary = atob(content.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: content.mimeType || 'application/octet-stream' });
}

/** Offers fetched content as a download through a short-lived Blob URL. */
export function offerDownload(content: FileContent): void {
  const url = URL.createObjectURL(base64ToBlob(content));
  const link = document.createElement('a');
  link.href = url;
  link.download = content.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
