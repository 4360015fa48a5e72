// The subject and body limits of API.md in the users' words: what is wrong, and the limit.
import { MAX_BODY_CHARS, MAX_SUBJECT_CHARS } from '../../../common/limits.js';
import { count } from './format.js';

export interface TextLimit {
  /** How the field is named in a sentence ("subject", "message"). */
  what: string;
  max: number;
}

export const SUBJECT_LIMIT: TextLimit = { what: 'subject', max: MAX_SUBJECT_CHARS };
export const BODY_LIMIT: TextLimit = { what: 'message', max: MAX_BODY_CHARS };

/** The counter appears once the text is this close to its limit (a fraction of it). */
const COUNTER_FROM = 0.8;

export const showCounter = (length: number, limit: TextLimit) => length >= limit.max * COUNTER_FROM;

/** Null when the text fits; else the sentence saying so, with the limit (the counter beside it says by how much). */
export function overLimit(text: string, limit: TextLimit): string | null {
  if (text.length <= limit.max) return null;
  return `The ${limit.what} is too long: it can have at most ${count(limit.max)} characters. Shorten it to send.`;
}
