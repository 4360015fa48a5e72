// "Is someone writing a message?" for the updater: a saved draft with anything in it, in any practice.
import type { DesktopHandlers, Draft } from '../../../common/desktop/index.js';

const hasContent = (draft: Draft | null) =>
  !!draft &&
  (draft.subject.trim() !== '' || draft.body.trim() !== '' || draft.to.length > 0 || draft.attachments.length > 0);

/** Throws when it can't tell (locked, say): the caller treats that as "yes, wait". */
export async function isComposing(handlers: Pick<DesktopHandlers, 'getSession' | 'getDraft'>): Promise<boolean> {
  const session = await handlers.getSession({});
  if (!session.signedIn) return false;
  for (const practice of session.practices) {
    if (hasContent(await handlers.getDraft({ practiceId: practice.id }))) return true;
  }
  return false;
}
