// Turns whatever an API call threw into a sentence to show; engine errors already carry one.
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** The engine's error code (`DesktopCallError.code` or the same field from the preload), if any. */
export function errorCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}
