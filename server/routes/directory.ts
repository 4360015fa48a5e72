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
import { notFound } from '../http/api-error.js';
import { authenticateMember } from '../http/auth.js';
import type { App, ServerContext } from '../http/context.js';
import { sendStoredFile } from '../http/content-disposition.js';
import {
  findDocument,
  findEncounter,
  findPatient,
  patientEncounters,
  practiceStaff,
  searchDocuments,
  searchPatients,
} from '../services/records/records.js';
import { FILE_BYTES } from './attachments.js';
import { PracticeItemParams, PracticeParams } from './params.js';

const DEFAULT_PATIENT_LIMIT = 50;

export function registerDirectoryRoutes(app: App, ctx: ServerContext): void {
  app.get(
    '/practices/:pid/users',
    { schema: { params: PracticeParams, response: { 200: UsersResponse } } },
    (request) => {
      authenticateMember(ctx, request, request.params.pid);
      return { users: practiceStaff(ctx.db, request.params.pid) };
    },
  );

  app.get(
    '/practices/:pid/patients',
    { schema: { params: PracticeParams, querystring: PatientsQuery, response: { 200: PatientsResponse } } },
    (request) => {
      authenticateMember(ctx, request, request.params.pid);
      const { query = '', limit = DEFAULT_PATIENT_LIMIT } = request.query;
      return { patients: searchPatients(ctx.db, request.params.pid, query, limit) };
    },
  );

  app.get(
    '/practices/:pid/patients/:id',
    { schema: { params: PracticeItemParams, response: { 200: PatientResponse } } },
    (request) => {
      const { pid, id } = request.params;
      authenticateMember(ctx, request, pid);
      const patient = findPatient(ctx.db, pid, id);
      if (!patient) throw notFound();
      const documents = searchDocuments(ctx.db, pid, '', id);
      return { patient: { ...patient, encounters: patientEncounters(ctx.db, pid, id), documents } };
    },
  );

  app.get(
    '/practices/:pid/encounters/:id',
    { schema: { params: PracticeItemParams, response: { 200: EncounterResponse } } },
    (request) => {
      const { pid, id } = request.params;
      authenticateMember(ctx, request, pid);
      const encounter = findEncounter(ctx.db, pid, id);
      if (!encounter) throw notFound();
      return { encounter };
    },
  );

  app.get(
    '/practices/:pid/documents',
    { schema: { params: PracticeParams, querystring: DocumentsQuery, response: { 200: DocumentsResponse } } },
    (request) => {
      authenticateMember(ctx, request, request.params.pid);
      const { query = '', patientId } = request.query;
      return { documents: searchDocuments(ctx.db, request.params.pid, query, patientId) };
    },
  );

  app.get(
    '/practices/:pid/documents/:id/content',
    { schema: { params: PracticeItemParams, response: FILE_BYTES } },
    (request, reply) => {
      const { pid, id } = request.params;
      authenticateMember(ctx, request, pid);
      const document = findDocument(ctx.db, pid, id);
      if (!document) throw notFound();
      return sendStoredFile(reply, {
        mimeType: document.mimeType,
        size: document.size,
        name: document.fileName,
        bytes: ctx.blobs.read(document.sha256),
      });
    },
  );
}
