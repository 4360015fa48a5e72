// Downloads: `Content-Disposition: attachment` with the file's name encoded per RFC 8187 (plus an
// ASCII fallback), and the headers that keep stored bytes from ever running as a page.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends stored bytes as a download that never renders as a page of this origin, whatever its type. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { mimeType: string; size: number; name: string; bytes: Readable },
): FastifyReply {
  return reply
    .type(file.mimeType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(file.bytes);
}
