// Two pixel fonts for badge counts (digits and "+"): 3x5 for 16 px icons, 5x7 for 32 px and up.
// Drawn on whole pixels so a count stays sharp at small sizes, where antialiased text would blur.
import type { Rgba, RgbaCanvas } from './rgba-canvas.js';

export interface BitmapFont {
  readonly width: number;
  readonly height: number;
  /** Each glyph is `height` rows of '#' (ink) and '.' (blank), `width` characters each. */
  readonly glyphs: Readonly<Record<string, readonly string[]>>;
}

export const smallFont: BitmapFont = {
  width: 3,
  height: 5,
  glyphs: {
    '0': ['###', '#.#', '#.#', '#.#', '###'],
    '1': ['.#.', '##.', '.#.', '.#.', '###'],
    '2': ['###', '..#', '###', '#..', '###'],
    '3': ['###', '..#', '.##', '..#', '###'],
    '4': ['#.#', '#.#', '###', '..#', '..#'],
    '5': ['###', '#..', '###', '..#', '###'],
    '6': ['###', '#..', '###', '#.#', '###'],
    '7': ['###', '..#', '.#.', '.#.', '.#.'],
    '8': ['###', '#.#', '###', '#.#', '###'],
    '9': ['###', '#.#', '###', '..#', '###'],
    '+': ['...', '.#.', '###', '.#.', '...'],
  },
};

export const largeFont: BitmapFont = {
  width: 5,
  height: 7,
  glyphs: {
    '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
    '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
    '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
    '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
    '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
    '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
    '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
    '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
    '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
    '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
    '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  },
};

/** Width in pixels of `text` at `scale`, with one scaled pixel between glyphs. */
export function measureText(text: string, font: BitmapFont, scale: number): number {
  if (text.length === 0) return 0;
  return (text.length * font.width + (text.length - 1)) * scale;
}

/** Draws `text` with its top-left corner at (left, top); characters the font lacks are skipped. */
export function drawText(
  canvas: RgbaCanvas,
  text: string,
  font: BitmapFont,
  scale: number,
  left: number,
  top: number,
  color: Rgba,
): void {
  [...text].forEach((char, index) => {
    const rows = font.glyphs[char];
    if (!rows) return;
    const glyphLeft = left + index * (font.width + 1) * scale;
    rows.forEach((row, rowIndex) => {
      [...row].forEach((cell, column) => {
        if (cell !== '#') return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            canvas.setPixel(glyphLeft + column * scale + dx, top + rowIndex * scale + dy, color);
          }
        }
      });
    });
  });
}
