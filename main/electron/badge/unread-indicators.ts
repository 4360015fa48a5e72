// One place the unread total goes: the tray and the platform badge, updated together and only
// when the number changes. Fed by the engine's unreadCount event (synchronously, well within a second).
import type { UnreadCounts } from '../../../common/desktop/index.js';

export class UnreadIndicators {
  private current: number | null = null;

  constructor(
    private readonly tray: { render(count: number): void },
    private readonly badge: { show(count: number): void },
  ) {}

  update(counts: UnreadCounts): void {
    const total = Math.max(0, Math.floor(counts.total));
    if (total === this.current) return;
    this.current = total;
    this.tray.render(total);
    this.badge.show(total);
  }

  /** Re-applies the badge (Windows drops the taskbar overlay while the window is hidden). */
  refresh(): void {
    if (this.current !== null) this.badge.show(this.current);
  }

  get count(): number {
    return this.current ?? 0;
  }
}
