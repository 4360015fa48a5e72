// Sends stored bytes as a download: its type and length, `Content-Disposition: attachment` with the
// name, and headers that keep a stored file from ever running as a page of this origin.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.js';

export interface FileToSend {
  name: string;
  mimeType: string;
  size: number;
  bytes: Readable;
}

export function sendFile(reply: FastifyReply, file: FileToSend): FastifyReply {
  return reply
    .type(file.mimeType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(file.bytes);
}
