// The icons drawn in code: sizes per platform, count pill present only with a count, digits on
// whole pixels (crisp), and valid PNGs. Pure Node: no Electron here; nativeImage is a fake.
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { drawAppIcon, drawOverlayBadge, drawTrayIcon, trayBadgeLayout } from '../../main/electron/icons/draw-icons.js';
import { IconImages, traySizes, type PngRepresentation } from '../../main/electron/icons/icon-images.js';
import { encodePng } from '../../main/electron/icons/png-encoder.js';
import type { RgbaCanvas } from '../../main/electron/icons/rgba-canvas.js';

const pixel = (canvas: RgbaCanvas, x: number, y: number) => [
  ...canvas.pixels.subarray((y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 4),
];
const isRed = ([r, g, b, a]: number[]) => (a ?? 0) > 200 && (r ?? 0) > 150 && (g ?? 0) < 80 && (b ?? 0) < 80;
const isWhite = ([r, g, b, a]: number[]) =>
  (a ?? 0) === 255 && (r ?? 0) === 255 && (g ?? 0) === 255 && (b ?? 0) === 255;
const count = (canvas: RgbaCanvas, test: (p: number[]) => boolean) => {
  let n = 0;
  for (let y = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++) if (test(pixel(canvas, x, y))) n++;
  return n;
};

/** Decodes our own PNGs (8-bit RGBA, filter 0) back to pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, pixels };
}

describe('tray icon drawing', () => {
  it.each([16, 32, 64])('at %i px has no red pill without a count, and one with a count', (size) => {
    expect(count(drawTrayIcon(size, ''), isRed)).toBe(0);
    expect(count(drawTrayIcon(size, '5'), isRed)).toBeGreaterThan(0);
  });

  it.each([16, 32, 64])(
    'at %i px draws every count from 1 to "99+" on whole pixels (crisp, no grey text edges)',
    (size) => {
      for (const label of ['1', '7', '10', '42', '88', '99', '99+']) {
        const canvas = drawTrayIcon(size, label);
        const layout = trayBadgeLayout(size, label);
        const ink = [...label].reduce(
          (sum, char) => sum + (layout.font.glyphs[char] ?? []).join('').split('#').length - 1,
          0,
        );
        let white = 0;
        for (let y = layout.top; y < layout.top + layout.height; y++) {
          for (let x = layout.left; x < layout.left + layout.width; x++) if (isWhite(pixel(canvas, x, y))) white++;
        }
        expect(white, `label ${label}`).toBe(ink * layout.scale * layout.scale);
        expect(layout.left, `label ${label} fits`).toBeGreaterThanOrEqual(0);
        expect(isRed(pixel(canvas, layout.left + Math.floor(layout.width / 2), layout.top))).toBe(true);
      }
    },
  );

  it('makes the pill wider for longer labels, never wider than the icon', () => {
    for (const size of [16, 32, 64]) {
      const width = (label: string) => trayBadgeLayout(size, label).width;
      expect(width('1')).toBeLessThan(width('42'));
      expect(width('42')).toBeLessThan(width('99+'));
      expect(width('99+')).toBeLessThanOrEqual(size);
    }
  });

  it('draws a pale mark for dark panels, and a macOS template (black shape, cross cut out, no pill)', () => {
    const onDark = drawTrayIcon(32, '');
    const pale = drawTrayIcon(32, '', 'onDark');
    const centre = (c: ReturnType<typeof drawTrayIcon>) => pixel(c, 16, 14); // on the cross
    const bubble = (c: ReturnType<typeof drawTrayIcon>) => pixel(c, 22, 20);
    expect(isWhite(centre(onDark))).toBe(true);
    expect(bubble(pale)[0]).toBeGreaterThan(200); // light bubble
    const template = drawTrayIcon(32, '7', 'template');
    expect(bubble(template)).toEqual([0, 0, 0, 255]);
    expect(centre(template)[3]).toBe(0);
    expect(count(template, isRed)).toBe(0);
  });

  it('draws the taskbar overlay as a red disc with the count, and the app icon', () => {
    const overlay = drawOverlayBadge(16, '12');
    expect(isRed(pixel(overlay, 2, 8))).toBe(true);
    expect(count(overlay, isWhite)).toBeGreaterThan(5);
    expect(pixel(drawAppIcon(64), 0, 0)[3]).toBe(0);
  });
});

describe('PNG encoding', () => {
  it('round-trips the pixels exactly', () => {
    const canvas = drawTrayIcon(32, '99+');
    const decoded = decodePng(encodePng(canvas));
    expect(decoded.width).toBe(32);
    expect(decoded.height).toBe(32);
    expect(Buffer.compare(decoded.pixels, Buffer.from(canvas.pixels))).toBe(0);
  });
});

describe('IconImages', () => {
  it('uses 16 px (32 px at 2x) trays on Windows and macOS, 32 px (64 px at 2x) on Linux panels', () => {
    expect(traySizes('win32')).toEqual([
      { scaleFactor: 1, size: 16 },
      { scaleFactor: 2, size: 32 },
    ]);
    expect(traySizes('darwin').map((s) => s.size)).toEqual([16, 32]);
    expect(traySizes('linux').map((s) => s.size)).toEqual([32, 64]);
  });

  it('hands nativeImage one PNG per scale factor and draws each label once', () => {
    const fromPngs = vi.fn((reps: PngRepresentation[]) =>
      reps.map((r) => ({ scale: r.scaleFactor, size: decodePng(r.png).width })),
    );
    const images = new IconImages('win32', fromPngs);
    expect(images.tray('3')).toEqual([
      { scale: 1, size: 16 },
      { scale: 2, size: 32 },
    ]);
    images.tray('3');
    images.overlay('3');
    expect(fromPngs).toHaveBeenCalledTimes(2);
  });
});
