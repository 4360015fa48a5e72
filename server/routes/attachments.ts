// Attachment upload (raw bytes, streamed in, cut off past 10 MiB) and download for the uploader
// and the viewers of a message that carries the file (API.md "Messages").
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../common/limits.js';
import { UploadResponse } from '../../common/http/index.js';
import { malformed, unprocessable } from '../errors.js';
import type { App } from '../http/app-type.js';
import { bearerToken } from '../http/bearer-token.js';
import { discardRestOfBody } from '../http/discard-body.js';
import { errorResponses } from '../http/openapi.js';
import { sendStoredFile } from '../http/content-disposition.js';
import { requestOrigin } from './request-origin.js';
import { attachmentForDownload, attachmentTooLarge, storeAttachment } from '../services/attachments.js';
import type { ServerContext } from '../services/context.js';
import { memberCaller } from './guards.js';
import { ItemParams, PracticeParams, routes } from '../../common/http/routes.js';

/**
 * Refused in a file name: control characters (C0, DEL, C1), line and paragraph separators, and the
 * bidi controls (LRM/RLM, ALM, embeddings and overrides, isolates) that make `invoice\u202Efdp.exe`
 * display as `invoiceexe.pdf`. Refused rather than stripped: the name shown must be the name sent.
 */
const UNSAFE_IN_FILE_NAME = /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;

/** A download: the stored bytes with their own media type (typed loosely: the reply is a stream). */
export const FILE_BYTES: FastifySchema['response'] = {
  200: {
    description: 'The bytes, with their Content-Type and Content-Disposition: attachment.',
    content: { '*/*': { schema: z.string().describe('The file, as stored.') } },
  },
};

function fileName(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || header === '')
    throw malformed('Send the file name, URL-encoded, in the X-File-Name header.');
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw malformed('The X-File-Name header is not properly URL-encoded.');
  }
  if (name.trim() === '' || name.length > 255 || UNSAFE_IN_FILE_NAME.test(name)) {
    throw unprocessable(
      'invalid_file_name',
      'The file name must be 1 to 255 characters, without control or text-direction characters. Rename the file and attach it again.',
    );
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
      routes.upload.path,
      {
        schema: {
          params: PracticeParams,
          consumes: ['*/*'], // raw bytes of any type; the body and X-File-Name are described in http/openapi.ts
          response: {
            201: UploadResponse,
            ...errorResponses({
              400: ['malformed_request', 'upload_interrupted'],
              413: ['attachment_too_large'],
              422: ['invalid_file_name'],
            }),
          },
        },
      },
      async (request, reply) => {
        const { pid } = request.params;
        const staffId = await memberCaller(ctx, request, pid);
        const declared = Number(request.headers['content-length']);
        if (declared > MAX_ATTACHMENT_BYTES) return refuseTooLarge(request, reply);
        const name = fileName(request.headers['x-file-name']);
        const attachment = await storeAttachment(ctx, {
          staffId,
          practiceId: pid,
          name,
          mimeType: mediaType(request.headers['content-type']),
          source: request.body as Readable | undefined,
        });
        if (!attachment) return refuseTooLarge(request, reply);
        return reply.code(201).send({ attachment });
      },
    );
  });

  app.get(routes.attachment.path, { schema: { params: ItemParams, response: FILE_BYTES } }, async (request, reply) =>
    sendStoredFile(
      reply,
      await attachmentForDownload(ctx, requestOrigin(request), bearerToken(request), request.params.id),
    ),
  );
}

function refuseTooLarge(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = attachmentTooLarge();
  // Closing at once would reset a client still sending before it reads the 413: drain first (bounded).
  discardRestOfBody(request.raw);
  return reply
    .code(413)
    .type('application/json')
    .send(JSON.stringify({ error: { code: error.code, message: error.message } }));
}
