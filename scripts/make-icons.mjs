// Draws the committed icons in assets/ from the same code the app uses at runtime (main/electron/icons).
// Run: `npx tsx scripts/make-icons.mjs` (tsx lets this script import the TypeScript drawing code).
// Optional: `--preview <file.png>` also writes a sheet (zoomed 3x) of tray counts at 16/32/64 px for checking by eye.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawAppIcon, drawOverlayBadge, drawTrayIcon } from '../main/electron/icons/draw-icons.ts';
import { encodePng } from '../main/electron/icons/png-encoder.ts';
import { RgbaCanvas } from '../main/electron/icons/rgba-canvas.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function write(relativePath, canvas) {
  const file = join(root, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(canvas));
  console.log(`wrote ${relativePath} (${canvas.width}x${canvas.height})`);
}

/** Composites `source` over `target` at (left, top), pixel for pixel. */
function paste(target, source, left, top) {
  for (let y = 0; y < source.height; y++) {
    for (let x = 0; x < source.width; x++) {
      const i = (y * source.width + x) * 4;
      const [r, g, b, a] = source.pixels.subarray(i, i + 4);
      if (a > 0) target.setPixel(left + x, top + y, [r, g, b, a]);
    }
  }
}

/** Nearest-neighbour enlargement, so single pixels can be judged on screen. */
function zoom(source, factor) {
  const out = new RgbaCanvas(source.width * factor, source.height * factor);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const from = (Math.floor(y / factor) * source.width + Math.floor(x / factor)) * 4;
      out.pixels.set(source.pixels.subarray(from, from + 4), (y * out.width + x) * 4);
    }
  }
  return out;
}

/** One row per size, one column per label, on a light and a dark strip, so tray contrast can be judged. */
function previewSheet() {
  const labels = ['', '1', '7', '12', '48', '99', '99+'];
  const sizes = [16, 32, 64];
  const cell = 68;
  const sheet = new RgbaCanvas(cell * (labels.length + 1), cell * sizes.length * 2);
  for (let y = 0; y < sheet.height; y++) {
    const shade = y < sheet.height / 2 ? 240 : 40;
    for (let x = 0; x < sheet.width; x++) sheet.pixels.set([shade, shade, shade, 255], (y * sheet.width + x) * 4);
  }
  [0, 1].forEach((strip) => {
    sizes.forEach((size, row) => {
      labels.forEach((label, column) => {
        paste(sheet, drawTrayIcon(size, label), column * cell + 4, (strip * sizes.length + row) * cell + 4);
      });
      if (size <= 32)
        paste(sheet, drawOverlayBadge(size, '99+'), labels.length * cell + 4, (strip * sizes.length + row) * cell + 4);
    });
  });
  return sheet;
}

write('assets/icon.png', drawAppIcon(512));
write('assets/tray/tray-16.png', drawTrayIcon(16, ''));
write('assets/tray/tray-32.png', drawTrayIcon(32, ''));
write('assets/tray/tray-16@2x.png', drawTrayIcon(32, ''));
// The browser host's tab icon (renderer/index.html links it; Vite copies public/ next to the page).
write('renderer/public/favicon.png', drawAppIcon(64));

const previewIndex = process.argv.indexOf('--preview');
if (previewIndex !== -1 && process.argv[previewIndex + 1]) {
  writeFileSync(process.argv[previewIndex + 1], encodePng(zoom(previewSheet(), 3)));
  console.log(`wrote preview ${process.argv[previewIndex + 1]}`);
}
