// How records are named on screen, one way everywhere: encounters by their date as "Encounter Oct 7, 2026".
import { calendarDate } from './format.js';
import type { Attachment } from './types.js';

export function encounterName(isoDate: string): string {
  return `Encounter ${calendarDate(isoDate)}`;
}

const kindName = { encounter: 'Encounter', patient: 'Patient record', document: 'Document' } as const;

/** The server names an encounter attachment "Encounter 2026-10-07"; show its date like the links do. */
const SERVER_ENCOUNTER_NAME = /^Encounter (\d{4}-\d{2}-\d{2})$/;

/** An attachment's name as shown: files by file name, records by what they are (a pending copy may have none yet). */
export function attachmentName(attachment: Attachment): string {
  if (attachment.kind === 'file') return attachment.name;
  const date = attachment.kind === 'encounter' ? SERVER_ENCOUNTER_NAME.exec(attachment.name)?.[1] : undefined;
  if (date) return encounterName(date);
  return attachment.name || kindName[attachment.kind];
}
