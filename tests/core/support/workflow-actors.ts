// The other people of team-workflow engine tests, straight over HTTP: a patient writing through the
// Patient Portal, and staff acting on the server without an engine.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../../common/http/index.js';
import { signInPatient } from '../../support/practice-server-session.js';

export const ANA = 'ana.ruiz@patient.example';
export const BEN = 'ben.okafor@patient.example';

/** A patient writes (a new conversation, or into one with `inReplyTo`); returns the stored message. */
export async function patientSays(serverUrl: string, email: string, subject: string, inReplyTo?: string) {
  const { token } = await signInPatient(serverUrl, email);
  const response = await fetch(`${serverUrl}/api/v1/portal/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: randomUUID(), subject, body: 'Could someone call me back?', inReplyTo }),
  });
  if (response.status !== 201) throw new Error(`portal send failed with ${response.status}`);
  return ((await response.json()) as { message: Message }).message;
}
