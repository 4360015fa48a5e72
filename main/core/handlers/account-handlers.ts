// Desktop API methods for the app, the session, sync status, preferences and drafts.
import type { DesktopHandlers } from '../../../common/desktop/index.js';
import { notFound } from '../errors.js';
import type { HandlerContext } from './handler-context.js';

type AccountHandlers = Pick<
  DesktopHandlers,
  | 'getAppInfo'
  | 'getSession'
  | 'signIn'
  | 'signOut'
  | 'getSyncStatus'
  | 'getServerFeatures'
  | 'getPreferences'
  | 'savePreferences'
  | 'getDraft'
  | 'saveDraft'
>;

export function accountHandlers(ctx: HandlerContext): AccountHandlers {
  const session = () => ctx.accounts.session;
  const checkPractice = (practiceId: string) => {
    if (!session().cache.reader.hasPractice(practiceId)) throw notFound('practice');
  };
  return {
    getAppInfo: async () => ({ ...ctx.options.appInfo }),
    getSession: async () => ctx.accounts.info(),
    signIn: async ({ serverUrl, email, password }) => ctx.accounts.signIn(serverUrl, email, password),
    signOut: async () => {
      await ctx.accounts.signOut();
      return { ok: true as const };
    },
    getSyncStatus: async () => ctx.status.current,
    getServerFeatures: async () => {
      // Asked live: the settings screen says so when the server can't send email alerts.
      const health = await session()
        .client.health()
        .catch(() => null);
      return { emailAlerts: health?.emailAlerts ?? null };
    },
    getPreferences: async () => ctx.preferences(),
    savePreferences: async (patch) => ctx.savePreferences(patch),
    getDraft: async ({ practiceId }) => {
      checkPractice(practiceId);
      return session().cache.reader.draft(practiceId);
    },
    saveDraft: async ({ practiceId, draft }) => {
      checkPractice(practiceId);
      await session().cache.writer.putDraft(practiceId, draft);
      return { ok: true as const };
    },
  };
}
