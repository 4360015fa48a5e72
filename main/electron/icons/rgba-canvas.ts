// A tiny RGBA bitmap we draw icons into: antialiased shapes by supersampling, pixel-exact text.
// Icons are drawn in code (no image packages) so every count from 1 to "99+" is crisp at each size.

export type Rgba = readonly [number, number, number, number];

/** Returns true when the point (in pixel units, origin top-left) is inside the shape. */
export type Shape = (x: number, y: number) => boolean;

/** Sub-samples per pixel side: 4x4 = 16 coverage levels, plenty for 16-512 px icons. */
const SAMPLES = 4;

/** The share of pixel (x, y) the shape covers, from 0 to 1. */
function coverageAt(shape: Shape, x: number, y: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

export class RgbaCanvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** Paints `color` over every pixel the shape covers, blending partial coverage at the edges. */
  fill(shape: Shape, color: Rgba): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const coverage = coverageAt(shape, x, y);
        if (coverage > 0) this.blend(x, y, color, coverage);
      }
    }
  }

  /** Makes the shape's pixels transparent (partially at antialiased edges), e.g. a gap around a badge. */
  clear(shape: Shape): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const coverage = coverageAt(shape, x, y);
        const i = (y * this.width + x) * 4 + 3;
        this.pixels[i] = Math.round((this.pixels[i] ?? 0) * (1 - coverage));
      }
    }
  }

  /** Sets one whole pixel (for bitmap-font text, which must stay on the pixel grid). */
  setPixel(x: number, y: number, color: Rgba): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.blend(x, y, color, 1);
  }

  /** Source-over compositing in straight (non-premultiplied) alpha, as PNG stores it. */
  private blend(x: number, y: number, [r, g, b, a]: Rgba, coverage: number): void {
    const i = (y * this.width + x) * 4;
    const p = this.pixels;
    const srcA = (a / 255) * coverage;
    const dstA = (p[i + 3] ?? 0) / 255;
    const outA = srcA + dstA * (1 - srcA);
    if (outA <= 0) return;
    const mix = (src: number, dst: number) => Math.round((src * srcA + dst * dstA * (1 - srcA)) / outA);
    p[i] = mix(r, p[i] ?? 0);
    p[i + 1] = mix(g, p[i + 1] ?? 0);
    p[i + 2] = mix(b, p[i + 2] ?? 0);
    p[i + 3] = Math.round(outA * 255);
  }
}

/** A rectangle with corners rounded by `radius` (a pill when radius is half the height). */
export function roundedRect(left: number, top: number, width: number, height: number, radius: number): Shape {
  const right = left + width;
  const bottom = top + height;
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

export function circle(centerX: number, centerY: number, radius: number): Shape {
  return (x, y) => (x - centerX) ** 2 + (y - centerY) ** 2 <= radius ** 2;
}

/** A filled triangle given its three corners. */
export function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  const side = (p: [number, number], q: [number, number], x: number, y: number) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const d1 = side(a, b, x, y);
    const d2 = side(b, c, x, y);
    const d3 = side(c, a, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
