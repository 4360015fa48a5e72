// Turns every failure into API.md's `{"error": {"code", "message"}}` and the right status.
// The 400/422 rule: a body, query or path of the wrong SHAPE (not JSON, wrong types, missing or
// unknown fields) is 400 `malformed_request`; the right shape with a VALUE out of bounds (empty
// subject, too long, bad UUID, unknown enum value) is 422 `invalid_field`. Bad path ids are 404.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError } from '../errors.js';

const SHAPE_ISSUES = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element']);

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send(JSON.stringify({ error: { code, message } }));
}

/** The value at a validation issue's path in what was sent (undefined: the field is missing). */
function sentValue(input: unknown, instancePath: string): unknown {
  let value = input;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function fromValidation(
  error: FastifyError & { validation: { keyword: string; instancePath: string; message?: string }[] },
  input: unknown,
): ApiError {
  if (error.validationContext === 'params') {
    return new ApiError(404, 'not_found', 'Nothing was found at this address, or you do not have access to it.');
  }
  const where = error.validationContext === 'querystring' ? 'query parameter' : 'field';
  const describe = (issue: { instancePath: string; message?: string }): string => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(the whole body)';
    return `${where} ${path}: ${issue.message ?? 'invalid'}`;
  };
  // A missing enum field is reported as a bad value (invalid_value), yet it is a missing field: 400.
  const shapeIssue = error.validation.find(
    (issue) =>
      SHAPE_ISSUES.has(issue.keyword) ||
      (issue.keyword === 'invalid_value' && sentValue(input, issue.instancePath) === undefined),
  );
  if (shapeIssue)
    return new ApiError(400, 'malformed_request', `The request is malformed. Check the ${describe(shapeIssue)}.`);
  const first = error.validation[0];
  return new ApiError(
    422,
    'invalid_field',
    `The request was not accepted. Check the ${first ? describe(first) : 'input'}.`,
  );
}

/** Maps Fastify's own errors (body parsing, size, media type) to the API's codes. */
function fromFastify(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'unsupported_media_type',
        'Send this request as JSON with Content-Type: application/json.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body_too_large', 'The request body is too large. Shorten the message and try again.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'malformed_request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'malformed_request', 'The Content-Length header does not match the body.');
    default:
      break;
  }
  if (error instanceof SyntaxError)
    return new ApiError(400, 'malformed_request', 'The request body is not valid JSON.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(error.statusCode, 'bad_request', 'The request could not be processed. Check it and try again.');
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known =
      error instanceof ApiError
        ? error
        : hasZodFastifySchemaValidationErrors(error)
          ? fromValidation(error, error.validationContext === 'querystring' ? request.query : request.body)
          : fromFastify(error);
    if (known) {
      // Codes and statuses only: messages may echo what the caller sent.
      request.log.info({ status: known.statusCode, code: known.code }, 'request refused');
      return sendError(reply, known.statusCode, known.code, known.message);
    }
    request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'unexpected error');
    return sendError(reply, 500, 'internal_error', 'Something went wrong on the server. Try again in a moment.');
  });
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, 404, 'not_found', 'Nothing was found at this address, or you do not have access to it.'),
  );
}
