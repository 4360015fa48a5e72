// Attachment upload (raw bytes, streamed to disk, cut off past 10 MiB) and download for the
// uploader and the viewers of a message that carries the file (API.md "Messages").
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../common/limits.js';
import { UploadResponse } from '../../common/http/index.js';
import { sql } from '../db/database.js';
import { ApiError, malformed, notFound, unprocessable } from '../http/api-error.js';
import { authenticateMember, bearerToken } from '../http/auth.js';
import { sendStoredFile } from '../http/content-disposition.js';
import { discardRestOfBody } from '../http/discard-body.js';
import type { App, ServerContext } from '../http/context.js';
import { checkToken } from '../services/auth/tokens.js';
import { ItemParams, PracticeParams } from './params.js';
import { errorResponses } from '../http/openapi.js';

const tooLarge = (): ApiError =>
  new ApiError(
    413,
    'attachment_too_large',
    'The file is larger than 10 MiB. Attach a smaller file or share it another way.',
  );

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
      '/practices/:pid/attachments',
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
        const staffId = authenticateMember(ctx, request, pid);
        const declared = Number(request.headers['content-length']);
        if (declared > MAX_ATTACHMENT_BYTES) return refuseTooLarge(request, reply);
        const name = fileName(request.headers['x-file-name']);
        const source = request.body as Readable | undefined;
        const stored = source
          ? await ctx.blobs.receive(source, MAX_ATTACHMENT_BYTES).catch(interrupted)
          : ctx.blobs.writeBytesSync(Buffer.alloc(0));
        if ('ok' in stored && !stored.ok) return refuseTooLarge(request, reply);
        const { sha256, size } = stored as { sha256: string; size: number };
        const attachment = {
          id: randomUUID(),
          name,
          size,
          mimeType: mediaType(request.headers['content-type']),
          sha256,
        };
        await ctx.writes.run('insertUpload', {
          id: attachment.id,
          practiceId: pid,
          uploaderId: staffId,
          name,
          mimeType: attachment.mimeType,
          size,
          sha256,
        });
        return reply.code(201).send({ attachment });
      },
    );
  });

  app.get('/attachments/:id', { schema: { params: ItemParams, response: FILE_BYTES } }, (request, reply) => {
    const check = checkToken(ctx.db, bearerToken(request), ctx.now(), ctx.tokenIdleMs);
    if (!check.ok) {
      throw check.reason === 'expired'
        ? new ApiError(401, 'token_expired', 'Your session expired after a period of inactivity. Sign in again.')
        : new ApiError(401, 'invalid_token', 'Your session is not valid here. Sign in again.');
    }
    const upload = sql(ctx.db, 'SELECT id, uploader_id, name, mime_type, size, sha256 FROM uploads WHERE id = ?').get(
      request.params.id,
    ) as { id: string; uploader_id: string; name: string; mime_type: string; size: number; sha256: string } | undefined;
    const { kind, subjectId } = check.owner;
    const allowed =
      upload &&
      (kind === 'staff'
        ? upload.uploader_id === subjectId ||
          sql(
            ctx.db,
            'SELECT 1 FROM message_files f JOIN mailbox b ON b.message_seq = f.message_seq WHERE f.upload_id = ? AND b.staff_id = ?',
          ).get(upload.id, subjectId)
        : sql(
            ctx.db,
            'SELECT 1 FROM message_files f JOIN messages m ON m.seq = f.message_seq WHERE f.upload_id = ? AND m.portal_patient_id = ?',
          ).get(upload.id, subjectId));
    if (!upload || !allowed) throw notFound();
    return sendStoredFile(reply, {
      mimeType: upload.mime_type,
      size: upload.size,
      name: upload.name,
      bytes: ctx.blobs.read(upload.sha256),
    });
  });
}

/** The upload stream broke (client gone, connection reset): the temporary file is already removed. */
function interrupted(): never {
  throw new ApiError(400, 'upload_interrupted', 'The upload was interrupted before it finished. Send the file again.');
}

function refuseTooLarge(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = tooLarge();
  // Closing at once would reset a client still sending before it reads the 413: drain first (bounded).
  discardRestOfBody(request.raw);
  return reply
    .code(413)
    .type('application/json')
    .send(JSON.stringify({ error: { code: error.code, message: error.message } }));
}
