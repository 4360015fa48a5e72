// Test helper: a tiny JSON client for the practice server (status, parsed body, headers).
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export type Api = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ApiResponse<T>>;

/** Requests against `${baseUrl}/api/v1${path}`, with the bearer token when one is given. */
export function apiClient(baseUrl: string, token?: string): Api {
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
}

/** The error code of a failed response (throws if the body is not the API's error shape). */
export function errorCode(response: ApiResponse): string {
  const body = response.body as Partial<ApiErrorBody>;
  if (!body?.error?.code || typeof body.error.message !== 'string') {
    throw new Error(`not an error body (status ${response.status}): ${JSON.stringify(response.body).slice(0, 200)}`);
  }
  return body.error.code;
}

/** Resolves once `condition()` holds, checking every 10 ms; rejects after `deadlineMs`. */
export async function waitFor(condition: () => boolean, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
