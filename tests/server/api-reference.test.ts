// docs/API.md, the project's API reference, agrees with the OpenAPI document the server serves:
// its route index lists every operation with every status and error code, and its headings name
// every operation that exists (second-wave routes not built yet are marked "(planned)").
// After changing routes: UPDATE_API_DOCS=1 npx vitest run tests/server/api-reference.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/practice-server-client.js';
import {
  documentedRoutes,
  INDEX_BEGIN,
  INDEX_END,
  operationNames,
  renderRouteIndex,
} from '../support/practice-server-api-docs.js';
import type { OpenApiDocument } from '../support/practice-server-openapi.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const DOC_FILE = join(import.meta.dirname, '..', '..', 'docs', 'API.md');
let server: TestPracticeServer;
let openapi: OpenApiDocument;

beforeAll(async () => {
  server = await startTestServer();
  openapi = (await apiClient(server.url)<OpenApiDocument>('GET', '/openapi.json')).body;
});
afterAll(() => server.cleanup());

describe('docs/API.md', () => {
  it('holds the route index generated from the OpenAPI document (every route, status and error code)', async () => {
    const markdown = readFileSync(DOC_FILE, 'utf8');
    const begin = markdown.indexOf(INDEX_BEGIN);
    const end = markdown.indexOf(INDEX_END);
    expect(begin, 'the route index markers').toBeGreaterThanOrEqual(0);
    // As Prettier (npm run lint) lays the file out, so the comparison ignores table alignment only.
    const options = { ...(await prettier.resolveConfig(DOC_FILE)), filepath: DOC_FILE };
    const expected = await prettier.format(
      markdown.slice(0, begin) + renderRouteIndex(openapi) + markdown.slice(end + INDEX_END.length),
      options,
    );
    if (process.env.UPDATE_API_DOCS === '1') writeFileSync(DOC_FILE, expected);
    else
      expect(
        markdown,
        'stale route index: run UPDATE_API_DOCS=1 npx vitest run tests/server/api-reference.test.ts',
      ).toBe(expected);
  });

  it('has a section for every route the server has, and none for a route it lacks unless marked planned', () => {
    const documented = documentedRoutes(readFileSync(DOC_FILE, 'utf8'));
    const existing = operationNames(openapi);
    const described = documented.filter((d) => !d.planned).map((d) => d.name);
    expect(
      existing.filter((name) => !described.includes(name)),
      'routes without a section',
    ).toEqual([]);
    expect(
      described.filter((name) => !existing.includes(name)),
      'sections for routes the server lacks',
    ).toEqual([]);
    const builtButPlanned = documented.filter((d) => d.planned && existing.includes(d.name)).map((d) => d.name);
    expect(builtButPlanned, 'built routes still marked (planned)').toEqual([]);
  });
});
