// Test helper: checks answers the practice server really gave against its own OpenAPI document:
// the status is listed for that operation, and a JSON body matches the listed schema (ajv).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ObservedResponse } from '../../server/http/app.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** `/api/v1/practices/:pid` -> `/api/v1/practices/{pid}` */
const openApiPath = (route: string): string => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const ERROR_BODY = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' }, message: { type: 'string' } },
    },
  },
};

export class OpenApiConformance {
  // OpenAPI 3.0 schemas use `nullable`, which ajv understands; `strict: false` lets `description` and the like be.
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: false }));
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {}

  /** What is wrong with one answer, or null when it conforms. */
  check(r: ObservedResponse): string | null {
    const where = `${r.method} ${r.route ?? '(no route)'} -> ${r.status}`;
    if (r.status >= 500) return `${where}: a server error`;
    if (r.route === null) {
      // No route matched (unknown address or malformed URL): the shared error shape, 404 or 400.
      return [400, 404].includes(r.status) ? this.errors(ERROR_BODY, r, where) : `${where}: unexpected without a route`;
    }
    // Pages outside the API (/open, /updates/: routes/desktop-pages.ts) are not part of its document.
    if (!r.route.startsWith('/api/')) return null;
    const path = this.document.paths[openApiPath(r.route)];
    const operation = path?.[r.method.toLowerCase()];
    if (!operation) {
      // Methods a known path lacks answer 405 (http/method-not-allowed.ts); anything else must be documented.
      if (path && r.status === 405) return this.errors(ERROR_BODY, r, where);
      return `${where}: the operation is not in the OpenAPI document`;
    }
    const listed = operation.responses?.[String(r.status)];
    if (!listed) return `${where}: status not listed (listed: ${Object.keys(operation.responses ?? {}).join(', ')})`;
    const schema = listed.content?.['application/json']?.schema;
    if (!schema || r.body === null || !r.contentType.includes('json')) return null;
    return this.errors(schema, r, where);
  }

  private errors(schema: object, r: ObservedResponse, where: string): string | null {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(r.body ?? '');
    } catch {
      return `${where}: the body is not JSON`;
    }
    if (validate(body)) return null;
    const first = validate.errors?.[0];
    return `${where}: body does not match the schema (${first?.instancePath || '/'} ${first?.message ?? ''})`;
  }
}

/** Every distinct violation among `responses`, at most `limit` of them. */
export function openApiViolations(document: OpenApiDocument, responses: ObservedResponse[], limit = 20): string[] {
  const conformance = new OpenApiConformance(document);
  const found = new Set<string>();
  for (const r of responses) {
    const problem = conformance.check(r);
    if (problem) found.add(problem);
    if (found.size >= limit) break;
  }
  return [...found];
}
