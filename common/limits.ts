// Size limits from API.md, shared by the server (enforcement) and the desktop app (refusing early).
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_SUBJECT_CHARS = 255;
export const MAX_BODY_CHARS = 100_000;
export const MAX_RECIPIENTS = 50;
export const MAX_SYNC_PAGE = 1000;
export const DEFAULT_SYNC_PAGE = 500;
export const API_BASE = '/api/v1';
