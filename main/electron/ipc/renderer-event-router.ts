// Delivers engine events to the window. (While the app is locked, the engine itself holds back content
// events: main/core/lock/app-lock.ts; a notification click reaches the window as the engine's own
// showMessage event, one path, so nothing here de-duplicates.)
import type { DesktopEventName, DesktopEventPayload } from '../../../common/desktop/index.js';

export type SendToRenderer = <K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>) => void;

export class RendererEventRouter {
  constructor(private readonly send: SendToRenderer) {}

  deliver<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void {
    this.send(event, payload);
  }
}
