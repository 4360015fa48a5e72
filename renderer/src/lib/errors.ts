// Turns whatever an API call threw into a sentence to show; engine errors already carry one.
export function errorMessage(error: unknown): string {
  // Errors that crossed the Electron context bridge may arrive as plain objects with a message.
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message) {
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

/** The code of a failed desktop call (`already_claimed`, `offline`...), or `unknown`. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown';
}
