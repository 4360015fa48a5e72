// Which pixel sizes each icon is drawn at, per platform and screen scale, and a cache so each count's
// picture is drawn once. Turning PNGs into an Electron nativeImage is injected (`fromPngs`).
import { drawAppIcon, drawOverlayBadge, drawTrayIcon, type TrayIconStyle } from './draw-icons.js';
import { encodePng } from './png-encoder.js';
import type { RgbaCanvas } from './rgba-canvas.js';

export interface PngRepresentation {
  scaleFactor: number;
  png: Buffer;
}

/**
 * Windows and macOS trays are 16 px at 100 % (32 px at 2x). Linux panels are usually 22-24 px and
 * scale what they get, so there a 32 px picture (64 px at 2x) is drawn and scaled down, never up.
 */
export function traySizes(platform: NodeJS.Platform): { scaleFactor: number; size: number }[] {
  return platform === 'linux'
    ? [
        { scaleFactor: 1, size: 32 },
        { scaleFactor: 2, size: 64 },
      ]
    : [
        { scaleFactor: 1, size: 16 },
        { scaleFactor: 2, size: 32 },
      ];
}

/** The Windows taskbar overlay is 16 px at 100 %. */
export const OVERLAY_SIZES = [
  { scaleFactor: 1, size: 16 },
  { scaleFactor: 2, size: 32 },
];

const represent = (sizes: { scaleFactor: number; size: number }[], draw: (size: number) => RgbaCanvas) =>
  sizes.map(({ scaleFactor, size }) => ({ scaleFactor, png: encodePng(draw(size)) }));

export class IconImages<Image> {
  private readonly trayCache = new Map<string, Image>();
  private readonly overlayCache = new Map<string, Image>();

  constructor(
    private readonly platform: NodeJS.Platform,
    private readonly fromPngs: (representations: PngRepresentation[]) => Image,
  ) {}

  tray(label: string, style: TrayIconStyle = 'onLight'): Image {
    return this.cached(this.trayCache, `${style}:${label}`, () =>
      represent(traySizes(this.platform), (size) => drawTrayIcon(size, label, style)),
    );
  }

  overlay(label: string): Image {
    return this.cached(this.overlayCache, label, () =>
      represent(OVERLAY_SIZES, (size) => drawOverlayBadge(size, label)),
    );
  }

  /** The window icon (Linux and Windows title bars, task switchers). */
  app(): Image {
    return this.fromPngs(represent([{ scaleFactor: 1, size: 256 }], drawAppIcon));
  }

  private cached(cache: Map<string, Image>, label: string, draw: () => PngRepresentation[]): Image {
    let image = cache.get(label);
    if (image === undefined) {
      image = this.fromPngs(draw());
      cache.set(label, image);
    }
    return image;
  }
}
