// The OpenAPI document is complete: every error answer with the ErrorBody schema, the bearer scheme
// on every signed-in operation, DELETE /session as 204, the upload's raw body and X-File-Name. Every
// answer the server suite gets is checked against it (tests/support/practice-server.ts, cleanup()).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/practice-server-client.js';
import { openApiViolations, type OpenApiDocument } from '../support/practice-server-openapi.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

interface Operation {
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: { format?: string } }> };
  responses: Record<string, { content?: Record<string, { schema?: ErrorSchema }> }>;
}
interface ErrorSchema {
  properties?: { error?: { properties?: { code?: { enum?: string[] } } } };
}
type Document = OpenApiDocument & {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes?: Record<string, { type: string; scheme: string }> };
};

let server: TestPracticeServer;
let doc: Document;
const PUBLIC = [
  'get /api/v1/health',
  'post /api/v1/session',
  'post /api/v1/portal/session',
  'get /api/v1/live',
  'get /api/v1/openapi.json',
];

beforeAll(async () => {
  server = await startTestServer();
  doc = (await apiClient(server.url)<Document>('GET', '/openapi.json')).body;
});
afterAll(() => server.cleanup());

const operations = (): [string, Operation][] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => [`${m} ${path}`, op] as [string, Operation]),
  );

const codes = (op: Operation | undefined, status: number): string[] =>
  op?.responses[String(status)]?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];

describe('the OpenAPI document', () => {
  it('declares the bearer scheme and requires it on every operation but sign-in, health, live and itself', () => {
    expect(doc.components.securitySchemes?.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    for (const [name, op] of operations()) {
      if (PUBLIC.includes(name)) expect(op.security, name).toBeUndefined();
      else expect(op.security, name).toEqual([{ bearer: [] }]);
    }
  });

  it('lists each error answer with the ErrorBody schema and its codes', () => {
    for (const [name, op] of operations()) {
      for (const status of Object.keys(op.responses).filter((s) => Number(s) >= 400)) {
        expect(codes(op, Number(status)).length, `${name} ${status}`).toBeGreaterThan(0);
      }
      if (!PUBLIC.includes(name))
        expect(codes(op, 401), name).toEqual(['missing_token', 'invalid_token', 'token_expired']);
    }
    const send = doc.paths['/api/v1/practices/{pid}/messages']?.post;
    expect(codes(send, 422)).toEqual(expect.arrayContaining(['unknown_recipient', 'wrong_patient', 'invalid_field']));
    expect(codes(send, 409)).toEqual(['idempotency_conflict', 'already_claimed']);
    expect(codes(send, 403)).toEqual(['cannot_message_patient']);
    expect(codes(doc.paths['/api/v1/session']?.post, 429)).toEqual(
      expect.arrayContaining(['too_many_attempts', 'sign_in_busy']),
    );
    expect(codes(doc.paths['/api/v1/practices/{pid}/messages/{id}']?.delete, 405)).toEqual(['method_not_allowed']);
  });

  it('documents DELETE /session as 204 without a body', () => {
    const signOut = doc.paths['/api/v1/session']?.delete;
    expect(Object.keys(signOut?.responses ?? {})).toContain('204');
    expect(signOut?.responses['200']).toBeUndefined();
    expect(signOut?.responses['204']?.content).toBeUndefined();
  });

  it("documents the upload's raw body and its X-File-Name header", () => {
    const upload = doc.paths['/api/v1/practices/{pid}/attachments']?.post;
    expect(upload?.requestBody?.content?.['*/*']?.schema?.format).toBe('binary');
    expect(upload?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'X-File-Name', required: true })]),
    );
    expect(Object.keys(upload?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '404', '413', '422']),
    );
  });

  it('catches an answer it does not list, and one whose body does not match', () => {
    expect(server.responses.length).toBeGreaterThan(0);
    const route = '/api/v1/practices/:pid/messages';
    const problems = openApiViolations(doc, [
      { method: 'POST', route, status: 418, contentType: 'application/json', body: '{}' },
      {
        method: 'POST',
        route,
        status: 409,
        contentType: 'application/json',
        body: '{"error":{"code":"other","message":"x"}}',
      },
      {
        method: 'POST',
        route,
        status: 409,
        contentType: 'application/json',
        body: '{"error":{"code":"idempotency_conflict","message":"x"}}',
      },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('status not listed');
    expect(problems[1]).toContain('does not match');
  });
});
