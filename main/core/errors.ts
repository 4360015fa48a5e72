// The errors the engine throws for the UI: DesktopCallError (common/desktop, the one error class of a
// desktop call), with a stable code and a sentence free of health information.
import type { ZodError } from 'zod';
import { DesktopCallError } from '../../common/desktop/index.js';

export { DesktopCallError };

/** Names only the fields that failed, never their values (which may hold health information). */
export function invalidArgument(error: ZodError): DesktopCallError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(arguments)'))];
  return new DesktopCallError('invalid_arguments', `The request was not valid: check ${fields.join(', ')}.`);
}

export const notSignedIn = () => new DesktopCallError('not_signed_in', 'Sign in first.');
export const notFound = (what: string) => new DesktopCallError('not_found', `That ${what} was not found.`);
