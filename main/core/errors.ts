// Errors the engine throws to the UI: a stable code plus a sentence free of health information.
import type { ZodError } from 'zod';

export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Names only the fields that failed, never their values (which may hold health information). */
export function invalidArgument(error: ZodError): EngineError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(arguments)'))];
  return new EngineError('invalid_arguments', `The request was not valid: check ${fields.join(', ')}.`);
}

export const notSignedIn = () => new EngineError('not_signed_in', 'Sign in first.');
export const notFound = (what: string) => new EngineError('not_found', `That ${what} was not found.`);
