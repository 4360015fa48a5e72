// The error a failed desktop API call rejects with in the renderer: the UI branches on `code`, shows `message`.
export class DesktopCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopCallError';
  }
}
