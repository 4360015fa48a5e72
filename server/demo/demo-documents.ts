// The demo's practice documents: real files (readable PDFs and plain text) stored as blobs.
import { randomUUID } from 'node:crypto';
import type { BlobStore } from '../storage/blobs/blob-store.js';
import type { Executor } from '../storage/schema.js';
import type { DemoIds } from './demo-ids.js';
import { tinyPdf } from './tiny-pdf.js';

interface DemoDocument {
  key: string;
  practice: 'sunrise' | 'lakeside';
  patient: string | null;
  title: string;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  createdAt: string;
}

const DOCUMENTS: DemoDocument[] = [
  {
    key: 'mri',
    practice: 'sunrise',
    patient: 'Ana Ruiz',
    title: 'MRI report',
    fileName: 'MRI report.pdf',
    mimeType: 'application/pdf',
    createdAt: '2026-11-02T15:10:00.000Z',
    bytes: tinyPdf([
      'Sunrise Family Medicine',
      'MRI report: lumbar spine',
      'Findings: no acute abnormality.',
      'Demo document, not a real record.',
    ]),
  },
  {
    key: 'cbc',
    practice: 'sunrise',
    patient: 'Grace Kim',
    title: 'Lab results: CBC',
    fileName: 'CBC results.pdf',
    mimeType: 'application/pdf',
    createdAt: '2026-11-10T09:00:00.000Z',
    bytes: tinyPdf([
      'Sunrise Family Medicine',
      'Complete blood count',
      'All values within reference ranges.',
      'Demo document, not a real record.',
    ]),
  },
  {
    key: 'referral',
    practice: 'sunrise',
    patient: 'Marcus Chen',
    title: 'Referral letter',
    fileName: 'Referral letter.txt',
    mimeType: 'text/plain',
    createdAt: '2026-10-21T11:30:00.000Z',
    bytes: Buffer.from('Referral to cardiology for evaluation of palpitations.\nDemo document, not a real record.\n'),
  },
  {
    key: 'immunizations',
    practice: 'sunrise',
    patient: 'Liam Patel',
    title: 'Immunization record',
    fileName: 'Immunizations.txt',
    mimeType: 'text/plain',
    createdAt: '2026-09-14T14:00:00.000Z',
    bytes: Buffer.from('Influenza 2026-09-14\nTdap 2024-05-02\nDemo document, not a real record.\n'),
  },
  {
    key: 'discharge',
    practice: 'sunrise',
    patient: 'Sofia Rossi',
    title: 'Discharge summary',
    fileName: 'Discharge summary.pdf',
    mimeType: 'application/pdf',
    createdAt: '2026-11-18T17:45:00.000Z',
    bytes: tinyPdf([
      'Discharge summary',
      'Admitted for observation; discharged home in good condition.',
      'Demo document, not a real record.',
    ]),
  },
  {
    key: 'policy',
    practice: 'sunrise',
    patient: null,
    title: 'Office hours and after-hours policy',
    fileName: 'Office policy.txt',
    mimeType: 'text/plain',
    createdAt: '2026-08-01T08:00:00.000Z',
    bytes: Buffer.from('Office hours: Monday to Friday, 8 am to 5 pm.\nAfter hours: call the on-call line.\n'),
  },
  {
    key: 'growth',
    practice: 'lakeside',
    patient: 'Ben Okafor',
    title: 'Growth chart',
    fileName: 'Growth chart.pdf',
    mimeType: 'application/pdf',
    createdAt: '2026-10-05T10:00:00.000Z',
    bytes: tinyPdf([
      'Lakeside Pediatrics',
      'Growth chart: height and weight on the 60th percentile.',
      'Demo document, not a real record.',
    ]),
  },
];

export async function seedDemoDocuments(db: Executor, blobs: BlobStore, ids: DemoIds): Promise<void> {
  for (const doc of DOCUMENTS) {
    const { sha256, size } = await blobs.writeBytes(doc.bytes);
    const id = randomUUID();
    ids.documents[doc.key] = id;
    await db
      .insertInto('documents')
      .values({
        id,
        practice_id: ids.practices[doc.practice]!,
        patient_id: doc.patient ? ids.patients[doc.patient]! : null,
        title: doc.title,
        file_name: doc.fileName,
        mime_type: doc.mimeType,
        size,
        sha256,
        created_at: doc.createdAt,
      })
      .execute();
  }
}

/** The bytes of the demo's lab PDF, reused as a file attachment in a demo message. */
export const DEMO_LAB_PDF = (): Buffer =>
  tinyPdf(['Lab results attached for review.', 'Demo file, not a real record.']);
