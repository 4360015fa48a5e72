// The errors the engine throws for the UI: DesktopCallError (common/desktop, the one error class of a
// desktop call), with a stable code and a sentence free of health information.
import type { ZodError } from 'zod';
import { DesktopCallError } from '../../common/desktop/index.js';

export { DesktopCallError };

/**
 * Names only the fields that failed, never their values (which may hold health information). Text that is
 * too long is said in words with its limit (issue 14): the screens check first, but one that misses a
 * limit must not leave the user with "check body".
 */
export function invalidArgument(error: ZodError): DesktopCallError {
  const sentences = new Set<string>();
  const fields = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '(arguments)';
    if (issue.code === 'too_big' && issue.origin === 'string') {
      const name = String(issue.path.findLast((key) => typeof key === 'string') ?? 'text');
      const max = Number(issue.maximum).toLocaleString('en-US');
      sentences.add(`The ${name} is too long: it can have at most ${max} characters.`);
    } else fields.add(field);
  }
  if (fields.size > 0) sentences.add(`The request was not valid: check ${[...fields].join(', ')}.`);
  return new DesktopCallError('invalid_arguments', [...sentences].join(' '));
}

export const notSignedIn = () => new DesktopCallError('not_signed_in', 'Sign in first.');
export const notFound = (what: string) => new DesktopCallError('not_found', `That ${what} was not found.`);
