// Remembers the window's size, place and maximized state (in electron-store) and restores them
// only where a display still shows them, so a window never reopens off-screen after a monitor change.
import { z } from 'zod';

export const SavedWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof SavedWindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InitialWindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };
export const MIN_SIZE = { width: 720, height: 480 };
/** How much of the title bar area must stay on a display to count as reachable. */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The bounds to open with: the saved ones if valid and reachable on some display's work area, else centred defaults. */
export function initialWindowBounds(saved: unknown, workAreas: readonly Rect[]): InitialWindowBounds {
  const parsed = SavedWindowState.safeParse(saved);
  if (!parsed.success) return { ...DEFAULT_SIZE, maximized: false };
  const state = parsed.data;
  const largest = workAreas.reduce((max, area) => Math.max(max, area.width * area.height), 0);
  const area = workAreas.find((a) => a.width * a.height === largest);
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, area?.width ?? state.width));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, area?.height ?? state.height));
  const titleBar: Rect = { x: state.x, y: state.y, width, height: MIN_VISIBLE.height };
  const reachable = workAreas.some((a) => {
    const o = overlap(titleBar, a);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  return reachable
    ? { x: state.x, y: state.y, width, height, maximized: state.maximized }
    : { width, height, maximized: state.maximized };
}

/** The slice of BrowserWindow the keeper reads (mocked in tests). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

export interface WindowStateStore {
  get(key: 'windowState'): unknown;
  set(key: 'windowState', value: SavedWindowState): void;
}

/** Resizing fires many events; write once things settle. */
export const SAVE_DELAY_MS = 500;

export class WindowStateKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: WindowStateStore,
    private readonly timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
  ) {}

  initialBounds(workAreas: readonly Rect[]): InitialWindowBounds {
    return initialWindowBounds(this.store.get('windowState'), workAreas);
  }

  track(window: TrackedWindow): void {
    const later = () => {
      if (this.timer) this.timers.clearTimeout(this.timer);
      this.timer = this.timers.setTimeout(() => this.save(window), SAVE_DELAY_MS);
    };
    window.on('resize', later);
    window.on('move', later);
    window.on('close', () => this.save(window));
  }

  private save(window: TrackedWindow): void {
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
    // Minimized or full-screen bounds are not a place to reopen at; keep the last normal state.
    if (window.isMinimized() || window.isFullScreen()) return;
    const b = window.getNormalBounds();
    const state = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized() };
    const parsed = SavedWindowState.safeParse(state);
    if (parsed.success) this.store.set('windowState', parsed.data);
  }
}
