// Desktop API methods over practice records and file contents: fetched from the server when it
// answers, cached for offline reading, and served from the cache when it does not.
import type { DesktopHandlers } from '../../../common/desktop/index.js';
import { DesktopCallError, notFound } from '../errors.js';
import type { RecordKind } from '../cache/record-store.js';
import { sha256Hex } from '../files/file-store.js';
import type { AccountSession } from '../session/account-session.js';
import { NetworkError } from '../sync/server-client.js';
import type { HandlerContext } from './handler-context.js';

type RecordHandlers = Pick<
  DesktopHandlers,
  | 'listStaff'
  | 'searchPatients'
  | 'getPatient'
  | 'getEncounter'
  | 'searchDocuments'
  | 'getAttachmentContent'
  | 'getDocumentContent'
  | 'getPracticeSettings'
  | 'savePracticeSettings'
>;

const unavailableOffline = () =>
  new DesktopCallError('offline', 'The practice server cannot be reached and this is not saved on this computer yet.');

/** Server first; on a network failure, the last copy saved on this computer. */
async function fetchCached<T>(
  s: AccountSession,
  practiceId: string,
  kind: RecordKind,
  key: string,
  fetch: () => Promise<T>,
): Promise<T> {
  if (!s.cache.reader.hasPractice(practiceId)) throw notFound('practice');
  let value: T;
  try {
    value = await fetch();
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const cached = s.cache.reader.record<T>(practiceId, kind, key);
    if (cached === null) throw unavailableOffline();
    return cached;
  }
  await s.cache.writer.putRecord(practiceId, kind, key, value);
  return value;
}

export function recordHandlers(ctx: HandlerContext): RecordHandlers {
  const session = () => ctx.accounts.session;
  return {
    listStaff: async ({ practiceId, query }) => ({ users: session().cache.reader.listStaff(practiceId, query) }),
    searchPatients: async ({ practiceId, query }) => {
      const s = session();
      return fetchCached(s, practiceId, 'patientSearch', query.toLowerCase(), () =>
        s.client.patients(practiceId, query),
      );
    },
    getPatient: async ({ practiceId, patientId }) => {
      const s = session();
      const { patient } = await fetchCached(s, practiceId, 'patient', patientId, () =>
        s.client.patient(practiceId, patientId),
      );
      return patient;
    },
    getEncounter: async ({ practiceId, encounterId }) => {
      const s = session();
      const { encounter } = await fetchCached(s, practiceId, 'encounter', encounterId, () =>
        s.client.encounter(practiceId, encounterId),
      );
      return encounter;
    },
    searchDocuments: async ({ practiceId, query, patientId }) => {
      const s = session();
      const key = `${patientId ?? ''}\n${query.toLowerCase()}`;
      return fetchCached(s, practiceId, 'documentSearch', key, () => s.client.documents(practiceId, query, patientId));
    },
    getDocumentContent: async ({ practiceId, documentId }) => {
      const s = session();
      const meta = await fetchCached(s, practiceId, 'documentFile', documentId, async () => {
        const { bytes, mimeType, fileName } = await s.client.documentContent(practiceId, documentId);
        const sha256 = sha256Hex(bytes);
        s.files.writeVerified(bytes, sha256);
        return { sha256, mimeType, name: fileName ?? 'document' };
      });
      const bytes = s.files.readVerified(meta.sha256);
      if (!bytes) throw unavailableOffline();
      return { name: meta.name, mimeType: meta.mimeType, base64: bytes.toString('base64') };
    },
    getAttachmentContent: async ({ messageId, attachmentId }) => {
      const s = session();
      const row = s.cache.reader.fileAttachment(messageId, attachmentId);
      if (!row) throw notFound('attachment');
      const mimeType = row.mimeType;
      let bytes = s.files.readVerified(row.sha256) ?? s.files.readStaged(attachmentId);
      if (!bytes) {
        const fetched = await s.client.attachment(attachmentId);
        if (!s.files.writeVerified(fetched.bytes, row.sha256)) {
          throw new DesktopCallError('attachment_damaged', 'The file arrived damaged; try again.');
        }
        bytes = fetched.bytes;
      }
      return { name: row.name, mimeType, base64: bytes.toString('base64') };
    },
    getPracticeSettings: async ({ practiceId }) => {
      const s = session();
      if (!s.cache.reader.hasPractice(practiceId)) throw notFound('practice');
      return s.cache.reader.settings(practiceId);
    },
    savePracticeSettings: async ({ practiceId, settings }) => {
      const s = session();
      if (!s.cache.reader.hasPractice(practiceId)) throw notFound('practice');
      await s.cache.writer.queueSettings(practiceId, settings);
      s.localChange([practiceId], true);
      return s.cache.reader.settings(practiceId);
    },
  };
}
