// Test helper: what docs/API.md must agree with in the OpenAPI document: its generated route index
// (every operation with every status and error code) and its `### METHOD /path` headings.
import type { OpenApiDocument } from './practice-server-openapi.js';

export const INDEX_BEGIN =
  '<!-- route-index:begin (generated from /api/v1/openapi.json; see tests/server/api-reference.test.ts) -->';
export const INDEX_END = '<!-- route-index:end -->';

interface Response {
  content?: Record<string, { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } }>;
}

/** "METHOD /path" of every operation, in the document's order. */
export function operationNames(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

function answers(responses: Record<string, Response>): string {
  return Object.entries(responses)
    .map(([status, response]) => {
      const codes = response.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];
      return codes.length > 0 ? `${status} ${codes.map((c) => `\`${c}\``).join(', ')}` : status;
    })
    .join('; ');
}

/** The route index: one table row per operation, with each status and its error codes. */
export function renderRouteIndex(document: OpenApiDocument): string {
  const rows = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) =>
        `| \`${method.toUpperCase()}\` | \`${path}\` | ${answers((op.responses ?? {}) as Record<string, Response>)} |`,
    ),
  );
  return [
    INDEX_BEGIN,
    '',
    '| Method | Path | Answers (status and error codes) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    INDEX_END,
  ].join('\n');
}

export interface DocumentedRoute {
  name: string;
  planned: boolean;
}

/** Headings such as "### `POST /api/v1/session`" or "### `GET /api/v1/...` (planned)". */
export function documentedRoutes(markdown: string): DocumentedRoute[] {
  const heading = /^#{2,4} `(GET|POST|PUT|PATCH|DELETE) (\/api\/v1\/[^`\s]*)`( \(planned\))?\s*$/gm;
  return [...markdown.matchAll(heading)].map((m) => ({ name: `${m[1]} ${m[2]}`, planned: Boolean(m[3]) }));
}
