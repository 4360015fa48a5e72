// Signing in and out, restoring the saved session at start, and unlocking. The token and each
// account's key live in the host's SecretStore; when it cannot keep secrets (`persistent: false`) they
// stay in memory only, and the next launch cannot reopen the cache (it is moved aside and rebuilt).
// Signing out removes that account's data and key from this computer (account-storage.ts).
import { z } from 'zod';
import type { SessionInfo } from '../../../common/desktop/index.js';
import { PracticeRef, SessionUser } from '../../../common/http/index.js';
import { DesktopCallError, notSignedIn } from '../errors.js';
import { serverRefusal } from '../policy/apply-policy.js';
import type { EngineOptions, SecretStore } from '../host-ports.js';
import { nodeTransport } from '../network/node-transport.js';
import type { ServerTransport } from '../network/server-transport.js';
import { MemorySecretStore } from '../stores/json-file-secret-store.js';
import { NetworkError, ServerClient, ServerError } from '../sync/server-client.js';
import { AccountSession, type AccountSessionOptions } from './account-session.js';
import { accountDir, accountKey, removeAccount } from './account-storage.js';
import { allowHttpFromEnv, serverAddressProblem } from './server-address-policy.js';
import { checkVerifier, makeVerifier } from './password-verifier.js';
import { SIGNED_OUT_STATUS } from './status-tracker.js';

const CACHE_BROKEN_STATUS =
  "The app's local message cache stopped working, so you were signed out. Sign in again; if it happens again, restart Practice Messenger.";

const SavedSession = z.object({ serverUrl: z.string(), user: SessionUser, practices: z.array(PracticeRef) });
type SavedSession = z.infer<typeof SavedSession>;

export type SessionWiring = Omit<
  AccountSessionOptions,
  | 'accountDir'
  | 'serverUrl'
  | 'token'
  | 'user'
  | 'practices'
  | 'cacheKey'
  | 'cacheKeyWasKnown'
  | 'onAuthRejected'
  | 'onCacheBroken'
  | 'transport'
>;

export class AccountManager {
  private readonly secrets: SecretStore;
  private readonly allowHttp: boolean;
  private active: { saved: SavedSession; session: AccountSession } | null = null;
  /** Bumped by every open and close: an open that finishes after a newer one (or a close) is dropped. */
  private generation = 0;

  constructor(
    private readonly options: EngineOptions,
    private readonly wiring: SessionWiring,
  ) {
    this.secrets = options.secrets.persistent ? options.secrets : new MemorySecretStore();
    this.allowHttp = options.allowHttp ?? allowHttpFromEnv(process.env);
  }

  private transport(serverUrl: string): ServerTransport {
    return (this.options.transport ?? nodeTransport())(serverUrl);
  }

  get session(): AccountSession {
    if (!this.active) throw notSignedIn();
    return this.active.session;
  }

  get sessionOrNull(): AccountSession | null {
    return this.active?.session ?? null;
  }

  info(): SessionInfo {
    const saved = this.active?.saved;
    return {
      signedIn: saved !== undefined,
      serverUrl: saved?.serverUrl ?? null,
      defaultServerUrl: this.options.defaultServerUrl,
      user: saved?.user ?? null,
      practices: (saved?.practices ?? []).map((p) => ({ ...p, role: this.roleIn(p.id) })),
    };
  }

  /** The user's role in a practice from the cached directory (null until it is known). */
  private roleIn(practiceId: string): string | null {
    const reader = this.active?.session.cache.reader;
    return reader?.isOpen ? reader.workflow.role(practiceId) : null;
  }

  /** Reopens the saved session, if the secrets still hold one. */
  async restore(): Promise<void> {
    const token = this.secrets.get('token');
    const saved = this.savedSession();
    // A session saved before plain http was limited to loopback must not send its token in the clear; one saved
    // before the administrator held this computer to another server is not reopened (its data stays on disk).
    if (!token || !saved || serverAddressProblem(saved.serverUrl, this.allowHttp)) return;
    if (serverRefusal(this.options.policy ?? {}, saved.serverUrl)) return;
    await this.open(saved, token);
  }

  /** The last signed-in account (kept after the session expires, so sign-out can still clean it up). */
  private savedSession(): SavedSession | null {
    const parsed = SavedSession.safeParse(safeJson(this.secrets.get('session') ?? ''));
    return parsed.success ? parsed.data : null;
  }

  async signIn(serverUrl: string, email: string, password: string): Promise<SessionInfo> {
    const problem = serverAddressProblem(serverUrl, this.allowHttp);
    if (problem) throw problem;
    const client = new ServerClient(serverUrl, null, this.transport(serverUrl));
    const login = await client.signIn(email, password).catch((error: unknown) => {
      if (error instanceof ServerError && error.code === 'invalid_credentials') {
        throw new DesktopCallError('invalid_credentials', 'The email or password is not correct.');
      }
      throw error;
    });
    await this.close();
    const saved: SavedSession = { serverUrl: new URL(serverUrl).origin, user: login.user, practices: login.practices };
    this.secrets.set('token', login.token);
    this.secrets.set('session', JSON.stringify(saved));
    const session = await this.open(saved, login.token);
    await session.cache.writer.setPasswordVerifier(await makeVerifier(password));
    return this.info();
  }

  /** Signs out and removes the account's cache, drafts, files and key; other accounts' stay. */
  async signOut(): Promise<void> {
    const client = this.active?.session.client;
    const saved = this.active?.saved ?? this.savedSession();
    await this.close();
    this.secrets.delete('token');
    this.secrets.delete('session');
    if (saved) removeAccount(this.options.dataDir, this.secrets, saved.serverUrl, saved.user.id);
    // Best effort: the token is forgotten here whether or not the server hears about it.
    await client?.signOut().catch(() => undefined);
  }

  /** The server rejected the token: the user must sign in again. */
  async expire(): Promise<void> {
    await this.close();
    this.secrets.delete('token');
    this.wiring.status.update({ ...SIGNED_OUT_STATUS, lastError: 'Your session has ended. Sign in again.' });
  }

  /**
   * The cache's writer thread kept dying (restarted 3 times in a minute): end the session so nothing more is
   * taken that can't be kept. Its cache, outbox included, and its token stay: signing in again or restarting
   * the app reopens it with a fresh writer.
   */
  private async cacheBroken(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    await this.close();
    this.wiring.status.update({ ...SIGNED_OUT_STATUS, lastError: CACHE_BROKEN_STATUS });
  }

  async unlock(password: string): Promise<boolean> {
    if (!this.active) throw notSignedIn();
    const { saved, session } = this.active;
    try {
      await new ServerClient(saved.serverUrl, null, this.transport(saved.serverUrl)).signIn(saved.user.email, password);
      return true;
    } catch (error) {
      if (error instanceof ServerError && error.status === 401) return false;
      if (!(error instanceof NetworkError)) throw error;
    }
    const verifier = session.cache.reader.passwordVerifier();
    return verifier ? checkVerifier(password, verifier) : false;
  }

  async close(): Promise<void> {
    this.generation++;
    const active = this.active;
    this.active = null;
    if (active) await active.session.stop();
    this.wiring.status.update(SIGNED_OUT_STATUS);
  }

  private async open(saved: SavedSession, token: string): Promise<AccountSession> {
    const { key: cacheKey, known: cacheKeyWasKnown } = accountKey(this.secrets, saved.serverUrl, saved.user.id);
    const generation = ++this.generation;
    const session = await AccountSession.open({
      ...this.wiring,
      accountDir: accountDir(this.options.dataDir, saved.serverUrl, saved.user.id, this.secrets.persistent),
      serverUrl: saved.serverUrl,
      token,
      user: saved.user,
      practices: saved.practices,
      cacheKey,
      cacheKeyWasKnown,
      onAuthRejected: () => void this.expire(),
      onCacheBroken: () => void this.cacheBroken(generation),
      transport: this.transport(saved.serverUrl),
    });
    // Signed out (or in again) while the cache was being checked: this session is not wanted.
    if (generation !== this.generation) {
      await session.stop();
      throw notSignedIn();
    }
    this.active = { saved, session };
    session.start();
    return session;
  }
}

export { accountDir };

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
