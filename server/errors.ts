// The one error type services and routes throw: an HTTP status, a snake_case code and a sentence for
// a person. Messages never carry protected health information: they say what to fix, not what was sent.

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (): ApiError =>
  new ApiError(404, 'not_found', 'Nothing was found at this address, or you do not have access to it.');

export const unprocessable = (code: string, message: string): ApiError => new ApiError(422, code, message);

export const malformed = (message: string): ApiError => new ApiError(400, 'malformed_request', message);
