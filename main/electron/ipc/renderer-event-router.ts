// Delivers engine events to the window. While the app is locked it forwards only what the lock
// screen may show (lock state, unread count, sync status) and holds the rest until unlock.
import type { DesktopEventName, DesktopEventPayload } from '../../../common/desktop/index.js';

export type SendToRenderer = <K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>) => void;

/** Events with no message content: the badge and sync keep going under the lock screen. */
const SHOWN_WHILE_LOCKED: ReadonlySet<DesktopEventName> = new Set(['locked', 'unreadCount', 'syncStatus']);

export class RendererEventRouter {
  private locked = false;
  private held = new Map<DesktopEventName, unknown>();

  constructor(private readonly send: SendToRenderer) {}

  deliver<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void {
    if (this.locked && !SHOWN_WHILE_LOCKED.has(event)) {
      this.hold(event, payload);
      return;
    }
    this.send(event, payload);
  }

  /** On lock, later events wait; on unlock they are delivered (changed merged into one). */
  setLocked(locked: boolean, options: { discardHeld?: boolean } = {}): void {
    this.locked = locked;
    if (locked) return;
    const held = this.held;
    this.held = new Map();
    if (options.discardHeld) return;
    for (const [event, payload] of held) this.send(event, payload as DesktopEventPayload<typeof event>);
  }

  private hold(event: DesktopEventName, payload: unknown): void {
    if (event === 'changed') {
      const before = (this.held.get('changed') as DesktopEventPayload<'changed'> | undefined)?.practiceIds ?? [];
      const merged = new Set([...before, ...(payload as DesktopEventPayload<'changed'>).practiceIds]);
      this.held.set('changed', { practiceIds: [...merged] });
      return;
    }
    this.held.delete(event); // re-insert so held events replay in arrival order
    this.held.set(event, payload);
  }
}
