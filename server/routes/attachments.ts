// Attachment upload (raw bytes, streamed in, cut off past 10 MiB) and download for the uploader
// and the viewers of a message that carries the file (API.md "Messages").
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../common/limits.js';
import { UploadResponse } from '../../common/http/index.js';
import { malformed, unprocessable } from '../errors.js';
import type { App } from '../http/app-type.js';
import { bearerToken } from '../http/bearer-token.js';
import { sendFile } from '../http/send-file.js';
import { requestOrigin } from '../http/request-origin.js';
import { attachmentForDownload, attachmentTooLarge, storeAttachment } from '../services/attachments.js';
import type { ServerContext } from '../services/context.js';
import { memberCaller } from './guards.js';
import { ItemParams, PracticeParams } from './params.js';

function fileName(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || header === '')
    throw malformed('Send the file name, URL-encoded, in the X-File-Name header.');
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw malformed('The X-File-Name header is not properly URL-encoded.');
  }
  const hasControlCharacter = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (name.trim() === '' || name.length > 255 || hasControlCharacter) {
    throw unprocessable('invalid_file_name', 'The file name must be 1 to 255 characters, without control characters.');
  }
  return name;
}

const mediaType = (header: string | undefined): string => {
  const match = /^\s*([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)/i.exec(header ?? '');
  return match?.[1] ? match[1].toLowerCase() : 'application/octet-stream';
};

export function registerAttachmentRoutes(app: App, ctx: ServerContext): void {
  void app.register(async (raw: App) => {
    // Any media type is a valid file: hand the request stream to the handler unread.
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    raw.post(
      '/practices/:pid/attachments',
      { schema: { params: PracticeParams, response: { 201: UploadResponse } } },
      async (request, reply) => {
        const { pid } = request.params;
        const staffId = await memberCaller(ctx, request, pid);
        const declared = Number(request.headers['content-length']);
        if (declared > MAX_ATTACHMENT_BYTES) return refuseTooLarge(reply);
        const name = fileName(request.headers['x-file-name']);
        const attachment = await storeAttachment(ctx, {
          staffId,
          practiceId: pid,
          name,
          mimeType: mediaType(request.headers['content-type']),
          source: request.body as Readable | undefined,
        });
        if (!attachment) return refuseTooLarge(reply);
        return reply.code(201).send({ attachment });
      },
    );
  });

  app.get('/attachments/:id', { schema: { params: ItemParams } }, async (request, reply) =>
    sendFile(reply, await attachmentForDownload(ctx, requestOrigin(request), bearerToken(request), request.params.id)),
  );
}

function refuseTooLarge(reply: FastifyReply): FastifyReply {
  const error = attachmentTooLarge();
  // Close the connection after answering, so a client still sending is stopped.
  return reply
    .code(413)
    .header('connection', 'close')
    .type('application/json')
    .send(JSON.stringify({ error: { code: error.code, message: error.message } }));
}
