// The app's icons drawn in code: the app icon, the tray icon with an optional unread count, and
// the Windows taskbar overlay. Used at runtime and by scripts/make-icons.mjs for the committed PNGs.
import { drawText, largeFont, measureText, smallFont, type BitmapFont } from './bitmap-font.js';
import { RgbaCanvas, roundedRect, triangle, union, type Rgba } from './rgba-canvas.js';

const TEAL: Rgba = [14, 116, 128, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const RED: Rgba = [200, 30, 30, 255];
const MIST: Rgba = [226, 244, 246, 255];
const BLACK: Rgba = [0, 0, 0, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/**
 * The tray picture's colours: a teal bubble for light panels, a pale one for dark panels (Windows and Linux follow
 * the system theme), and macOS's template image (black shape, cross cut out; macOS tints it and shows the count as
 * the tray title, so no pill is drawn).
 */
export type TrayIconStyle = 'onLight' | 'onDark' | 'template';

const TRAY_COLOURS: Record<TrayIconStyle, { bubble: Rgba; cross: Rgba }> = {
  onLight: { bubble: TEAL, cross: WHITE },
  onDark: { bubble: MIST, cross: TEAL },
  template: { bubble: BLACK, cross: CLEAR },
};

/** A speech bubble with a medical cross: the mark shared by the app and tray icons. */
function drawMark(canvas: RgbaCanvas, left: number, top: number, size: number, bubble: Rgba, cross: Rgba): void {
  const u = size / 16; // one pixel of the 16 px design
  canvas.fill(
    union(
      roundedRect(left + u, top + 2 * u, 14 * u, 10 * u, 3 * u),
      triangle([left + 3 * u, top + 11 * u], [left + 3 * u, top + 15 * u], [left + 8 * u, top + 11 * u]),
    ),
    bubble,
  );
  // A transparent cross is cut out of the bubble (macOS template images keep only the shape).
  const paint = (shape: ReturnType<typeof roundedRect>) =>
    cross[3] === 0 ? canvas.clear(shape) : canvas.fill(shape, cross);
  paint(roundedRect(left + 7 * u, top + 4 * u, 2 * u, 6 * u, 0));
  paint(roundedRect(left + 5 * u, top + 6 * u, 6 * u, 2 * u, 0));
}

/** The font and scale for a count badge on a tray icon of `size` px: 3x5 at 16, 5x7 from 32, doubled at 64. */
function trayBadgeFont(size: number): { font: BitmapFont; scale: number; pad: number } {
  if (size < 24) return { font: smallFont, scale: 1, pad: 1 };
  const scale = Math.max(1, Math.floor(size / 32));
  return { font: largeFont, scale, pad: 2 * scale };
}

export interface BadgeLayout {
  font: BitmapFont;
  scale: number;
  left: number;
  top: number;
  width: number;
  height: number;
  textLeft: number;
  textTop: number;
}

/** Where the count pill and its text go on a tray icon of `size` px: bottom right, on whole pixels. */
export function trayBadgeLayout(size: number, label: string): BadgeLayout {
  const { font, scale, pad } = trayBadgeFont(size);
  const textWidth = measureText(label, font, scale);
  const height = font.height * scale + 2 * pad;
  const width = Math.min(size, Math.max(height, textWidth + 2 * pad));
  const left = size - width;
  const top = size - height;
  return {
    font,
    scale,
    left,
    top,
    width,
    height,
    textLeft: left + Math.floor((width - textWidth) / 2),
    textTop: top + pad,
  };
}

/** The tray icon at `size` px; a non-empty `label` ("1".."99", "99+") adds a red count pill at the bottom right. */
export function drawTrayIcon(size: number, label: string, style: TrayIconStyle = 'onLight'): RgbaCanvas {
  const canvas = new RgbaCanvas(size, size);
  const { bubble, cross } = TRAY_COLOURS[style];
  drawMark(canvas, 0, 0, size, bubble, cross);
  if (label === '' || style === 'template') return canvas;
  const b = trayBadgeLayout(size, label);
  const gap = Math.max(1, Math.round(size / 32)); // transparent ring so the pill reads apart from the bubble
  canvas.clear(roundedRect(b.left - gap, b.top - gap, b.width + 2 * gap, b.height + 2 * gap, b.height / 2 + gap));
  canvas.fill(roundedRect(b.left, b.top, b.width, b.height, b.height / 2), RED);
  drawText(canvas, label, b.font, b.scale, b.textLeft, b.textTop, WHITE);
  return canvas;
}

/** The biggest font and scale whose text fits a circle of `size` px with a little margin. */
function overlayFont(label: string, size: number): { font: BitmapFont; scale: number } {
  for (const font of [largeFont, smallFont]) {
    for (let scale = Math.floor(size / 16); scale >= 1; scale--) {
      if (measureText(label, font, scale) <= size * 0.75 && font.height * scale <= size * 0.6) return { font, scale };
    }
  }
  return { font: smallFont, scale: 1 };
}

/** The Windows taskbar overlay: a red disc filling `size` px with the count in white. */
export function drawOverlayBadge(size: number, label: string): RgbaCanvas {
  const canvas = new RgbaCanvas(size, size);
  canvas.fill(roundedRect(0, 0, size, size, size / 2), RED);
  const { font, scale } = overlayFont(label, size);
  const textWidth = measureText(label, font, scale);
  const left = Math.floor((size - textWidth) / 2);
  const top = Math.floor((size - font.height * scale) / 2);
  drawText(canvas, label, font, scale, left, top, WHITE);
  return canvas;
}

/** The application icon: the mark in white on a teal rounded square, with the platform-usual margin. */
export function drawAppIcon(size: number): RgbaCanvas {
  const canvas = new RgbaCanvas(size, size);
  const margin = size * 0.0625;
  canvas.fill(roundedRect(margin, margin, size - 2 * margin, size - 2 * margin, size * 0.18), TEAL);
  const markSize = size * 0.62;
  drawMark(canvas, (size - markSize) / 2, (size - markSize) / 2 + size * 0.03, markSize, WHITE, TEAL);
  return canvas;
}
