import { createHash } from 'node:crypto';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font';
import { encodePng, type RgbImage } from './png';

type Rgb = readonly [number, number, number];

export interface TileOptions {
  width: number;
  height: number;
  /** Drawn in the header band, e.g. the view's name. */
  title: string;
  /** Drawn under the header in grey, e.g. the workbook's name. */
  subtitle?: string;
  /** Decides the colours and the bars, so one view always gets the same picture. */
  seed: string;
}

const PALETTE: readonly Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [225, 87, 89],
  [118, 183, 178],
  [89, 161, 79],
  [176, 122, 161],
  [156, 117, 95],
];

/** A PNG standing in for a rendered view: a coloured header with the title, and a bar chart. */
export function renderTile(options: TileOptions): Buffer {
  const { width, height } = options;
  const digest = createHash('sha256').update(options.seed).digest();
  const accent = PALETTE[digest[0] % PALETTE.length];
  const canvas = new Canvas(width, height, [248, 249, 251]);
  const header = Math.max(12, Math.round(height * 0.2));
  canvas.fill(0, 0, width, header, accent);
  canvas.text(options.title, Math.round(width * 0.04), header, [255, 255, 255], width);
  let top = header;
  if (options.subtitle) {
    const band = Math.max(10, Math.round(height * 0.1));
    canvas.text(options.subtitle, Math.round(width * 0.04), band, [110, 116, 125], width, header);
    top += band;
  }
  const margin = Math.round(width * 0.06);
  const chartTop = top + Math.round(height * 0.06);
  const chartBottom = height - Math.round(height * 0.08);
  const bars = 5 + (digest[1] % 6);
  const slot = (width - 2 * margin) / bars;
  const lighter: Rgb = [blend(accent[0]), blend(accent[1]), blend(accent[2])];
  for (let i = 0; i < bars; i += 1) {
    const share = 0.2 + (digest[2 + i] / 255) * 0.8;
    const barTop = Math.round(chartBottom - (chartBottom - chartTop) * share);
    const x = Math.round(margin + i * slot + slot * 0.15);
    canvas.fill(x, barTop, Math.max(1, Math.round(slot * 0.7)), chartBottom - barTop, i % 2 === 0 ? accent : lighter);
  }
  canvas.fill(margin, chartBottom, width - 2 * margin, Math.max(1, Math.round(height / 150)), [160, 164, 170]);
  return encodePng(canvas.image);
}

function blend(channel: number): number {
  return Math.round(channel + (255 - channel) * 0.45);
}

class Canvas {
  readonly image: RgbImage;

  constructor(width: number, height: number, background: Rgb) {
    const pixels = Buffer.alloc(width * height * 3);
    for (let i = 0; i < pixels.length; i += 3) {
      pixels[i] = background[0];
      pixels[i + 1] = background[1];
      pixels[i + 2] = background[2];
    }
    this.image = { width, height, pixels };
  }

  fill(x: number, y: number, w: number, h: number, colour: Rgb): void {
    const { width, height, pixels } = this.image;
    const x0 = Math.max(0, x);
    const x1 = Math.min(width, x + w);
    for (let row = Math.max(0, y); row < Math.min(height, y + h); row += 1) {
      for (let col = x0; col < x1; col += 1) {
        const at = (row * width + col) * 3;
        pixels[at] = colour[0];
        pixels[at + 1] = colour[1];
        pixels[at + 2] = colour[2];
      }
    }
  }

  /** Draws text vertically centred in a band of `bandHeight` starting at `top`, scaled to fit, cut with '...' if long. */
  text(value: string, left: number, bandHeight: number, colour: Rgb, width: number, top = 0): void {
    const available = width - 2 * left;
    const scale = Math.max(1, Math.min(Math.floor((bandHeight * 0.6) / GLYPH_HEIGHT), Math.floor(available / (Math.max(1, value.length) * (GLYPH_WIDTH + 1)))));
    const fits = Math.max(1, Math.floor(available / ((GLYPH_WIDTH + 1) * scale)));
    const characters = [...value];
    const shown = characters.length > fits ? `${characters.slice(0, Math.max(0, fits - 3)).join('')}...` : value;
    const y = top + Math.round((bandHeight - GLYPH_HEIGHT * scale) / 2);
    let x = left;
    for (const character of shown) {
      const rowsOfGlyph = glyph(character);
      for (let row = 0; row < GLYPH_HEIGHT; row += 1) {
        for (let col = 0; col < GLYPH_WIDTH; col += 1) {
          if (rowsOfGlyph[row] & (1 << (GLYPH_WIDTH - 1 - col))) this.fill(x + col * scale, y + row * scale, scale, scale, colour);
        }
      }
      x += (GLYPH_WIDTH + 1) * scale;
    }
  }
}
