// Finds a quick-text trigger (";" and the start of a title) just before the caret, and the templates it matches.
import type { TemplateView } from '../../../../common/desktop/index.js';

export interface Trigger {
  /** Where the ";" is: insertion replaces from here to the caret. */
  start: number;
  query: string;
}

/** ";" at the start of a line or after a space, then up to 40 characters of a title (no new line). */
const TRIGGER = /(^|\s);([^\n;]{0,40})$/;

export function findTrigger(value: string, caret: number): Trigger | null {
  const before = value.slice(0, caret);
  const match = TRIGGER.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Titles starting with the query first, then titles containing it. */
export function matchTemplates(templates: TemplateView[], query: string): TemplateView[] {
  const q = query.trim().toLowerCase();
  if (!q) return templates;
  const starts = templates.filter((t) => t.title.toLowerCase().startsWith(q));
  const contains = templates.filter((t) => !t.title.toLowerCase().startsWith(q) && t.title.toLowerCase().includes(q));
  return [...starts, ...contains];
}
