// Directory and practice records (API.md): staff list, patients, encounters, documents and their bytes.
import {
  DocumentsQuery,
  DocumentsResponse,
  EncounterResponse,
  PatientResponse,
  PatientsQuery,
  PatientsResponse,
  UsersResponse,
} from '../../common/http/index.js';
import type { App } from '../http/app-type.js';
import { sendStoredFile } from '../http/content-disposition.js';
import type { ServerContext } from '../services/context.js';
import {
  documentFile,
  documentSearch,
  encounter,
  patientDetail,
  patientSearch,
  staffDirectory,
} from '../services/records.js';
import { requestOrigin } from './request-origin.js';
import { FILE_BYTES } from './attachments.js';
import { memberCaller } from './guards.js';
import { PracticeItemParams, PracticeParams, routes } from '../../common/http/routes.js';

const DEFAULT_PATIENT_LIMIT = 50;

export function registerDirectoryRoutes(app: App, ctx: ServerContext): void {
  app.get(
    routes.users.path,
    { schema: { params: PracticeParams, response: { 200: UsersResponse } } },
    async (request) => {
      await memberCaller(ctx, request, request.params.pid);
      return { users: await staffDirectory(ctx.db, request.params.pid) };
    },
  );

  app.get(
    routes.patients.path,
    { schema: { params: PracticeParams, querystring: PatientsQuery, response: { 200: PatientsResponse } } },
    async (request) => {
      await memberCaller(ctx, request, request.params.pid);
      const { query = '', limit = DEFAULT_PATIENT_LIMIT } = request.query;
      return { patients: await patientSearch(ctx.db, request.params.pid, query, limit) };
    },
  );

  app.get(
    routes.patient.path,
    { schema: { params: PracticeItemParams, response: { 200: PatientResponse } } },
    async (request) => {
      const { pid, id } = request.params;
      await memberCaller(ctx, request, pid);
      return { patient: await patientDetail(ctx.db, pid, id) };
    },
  );

  app.get(
    routes.encounter.path,
    { schema: { params: PracticeItemParams, response: { 200: EncounterResponse } } },
    async (request) => {
      const { pid, id } = request.params;
      await memberCaller(ctx, request, pid);
      return { encounter: await encounter(ctx.db, pid, id) };
    },
  );

  app.get(
    routes.documents.path,
    { schema: { params: PracticeParams, querystring: DocumentsQuery, response: { 200: DocumentsResponse } } },
    async (request) => {
      await memberCaller(ctx, request, request.params.pid);
      const { query = '', patientId } = request.query;
      return { documents: await documentSearch(ctx.db, request.params.pid, query, patientId) };
    },
  );

  app.get(
    routes.documentContent.path,
    { schema: { params: PracticeItemParams, response: FILE_BYTES } },
    async (request, reply) => {
      const { pid, id } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const document = await documentFile(ctx.db, pid, id);
      await ctx.writes.run('recordAudit', {
        origin: requestOrigin(request),
        records: [
          {
            action: 'document_downloaded',
            practiceId: pid,
            actor: { kind: 'staff', id: staffId },
            documentId: id,
            patientId: document.patientId ?? undefined,
          },
        ],
      });
      const bytes = await ctx.blobs.read(document.sha256);
      return sendStoredFile(reply, {
        name: document.fileName,
        mimeType: document.mimeType,
        size: document.size,
        bytes,
      });
    },
  );
}
