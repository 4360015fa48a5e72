// Delivers engine events to the window, showing a clicked notification's message once. (While the app
// is locked, the engine itself holds back content events: main/core/lock/app-lock.ts.)
import type { DesktopEventName, DesktopEventPayload } from '../../../common/desktop/index.js';

export type SendToRenderer = <K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>) => void;

/** A notification click and the engine's own showMessage for it arrive together; show it once. */
const DUPLICATE_WINDOW_MS = 2_000;

type ShowTarget = DesktopEventPayload<'showMessage'>;

export class RendererEventRouter {
  private lastShown: { key: string; at: number } | null = null;

  constructor(
    private readonly send: SendToRenderer,
    private readonly now: () => number = Date.now,
  ) {}

  deliver<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void {
    if (event === 'showMessage' && this.isRepeat(payload as ShowTarget)) return;
    this.send(event, payload);
  }

  private isRepeat(target: ShowTarget): boolean {
    const key = `${target.practiceId}/${target.messageId}`;
    const at = this.now();
    const repeat =
      this.lastShown !== null && this.lastShown.key === key && at - this.lastShown.at < DUPLICATE_WINDOW_MS;
    this.lastShown = { key, at };
    return repeat;
  }
}
