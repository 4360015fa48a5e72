// File names with control characters or bidi controls (which can make `invoice\u202Efdp.exe` show as
// `invoiceexe.pdf`) are refused with 422 invalid_file_name before any byte is stored.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadResponse } from '../../common/http/index.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

const upload = (fileName: string, size = 17) =>
  uploadStream({ baseUrl: server.url, token: w.desk.token, practiceId: w.sunriseId, size, fileName });
const stored = (): number => readdirSync(join(server.dataDir, 'blobs')).length;

const REFUSED: Record<string, string> = {
  'right-to-left override U+202E': 'invoice\u202Efdp.exe',
  'left-to-right embedding U+202A': 'a\u202Ab.pdf',
  'pop directional formatting U+202C': 'a\u202Cb.pdf',
  'left-to-right isolate U+2066': 'a\u2066b.pdf',
  'pop directional isolate U+2069': 'a\u2069b.pdf',
  'left-to-right mark U+200E': 'a\u200Eb.pdf',
  'right-to-left mark U+200F': 'a\u200Fb.pdf',
  NUL: 'a\u0000b.pdf',
  newline: 'a\nb.pdf',
  DEL: 'a\u007Fb.pdf',
  'C1 next line U+0085': 'a\u0085b.pdf',
  'C1 CSI U+009B': 'a\u009Bb.pdf',
  'line separator U+2028': 'a\u2028b.pdf',
};

describe('attachment file names', () => {
  it.each(Object.entries(REFUSED))('refuses a name with %s (422, nothing stored)', async (_what, name) => {
    const before = stored();
    const result = await upload(name, 4096 + name.length); // a size no earlier upload had
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ error: { code: 'invalid_file_name' } });
    expect(stored()).toBe(before);
    expect(readdirSync(join(server.dataDir, 'blobs', '.partial'))).toEqual([]);
  });

  it('keeps accented, right-to-left and emoji names (joiners included) as sent', async () => {
    for (const name of ['Lab résumé (1).pdf', 'تقرير المختبر.pdf', 'family 👨‍👩‍👧.png', 'מסמך.docx']) {
      const result = await upload(name);
      expect(result.status, name).toBe(201);
      expect(UploadResponse.parse(result.body).attachment.name).toBe(name);
    }
  });
});
