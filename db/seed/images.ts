import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createRng, int, pick } from './corpus';

// Generated illustrations for the demo: layered gradients and shapes in a newsroom palette,
// rendered once per image to WebP at a few widths and stored beside the database.

export const IMAGE_WIDTHS = [400, 800, 1200] as const;
const ASPECT = 9 / 16;

const palettes = [
  ['#0f3d5e', '#1f6f8b', '#99c1b9', '#f2e9dc'],
  ['#5b1f1f', '#a23b2a', '#e0a458', '#f6ecd9'],
  ['#1d3b2a', '#3f7d4e', '#a7c957', '#f2f7e8'],
  ['#2b2d42', '#5c5f7f', '#8d99ae', '#edf2f4'],
  ['#3d2c5e', '#6b4c9a', '#c3a6e0', '#f3eefb'],
  ['#0b4f4a', '#13897d', '#f4b860', '#fff6e5'],
];

function svg(seed: number): string {
  const rng = createRng(seed * 7919 + 17);
  const [dark, mid, light, paper] = pick(rng, palettes);
  const w = 1200;
  const h = Math.round(w * ASPECT);
  const shapes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const color = pick(rng, [mid, light, paper]);
    const opacity = (0.15 + rng() * 0.45).toFixed(2);
    if (rng() < 0.5) {
      shapes.push(`<circle cx="${int(rng, 0, w)}" cy="${int(rng, 0, h)}" r="${int(rng, 40, 260)}" fill="${color}" opacity="${opacity}"/>`);
    } else {
      const x = int(rng, -100, w);
      const y = int(rng, -100, h);
      shapes.push(
        `<rect x="${x}" y="${y}" width="${int(rng, 120, 520)}" height="${int(rng, 40, 260)}" rx="${int(rng, 0, 40)}" fill="${color}" opacity="${opacity}" transform="rotate(${int(rng, -30, 30)} ${x} ${y})"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

export type GeneratedImage = { key: string; width: number; height: number; widths: string };

export async function generateImage(dir: string, seed: number): Promise<GeneratedImage> {
  fs.mkdirSync(dir, { recursive: true });
  const key = `demo-${String(seed).padStart(3, '0')}`;
  const source = Buffer.from(svg(seed));
  for (const width of IMAGE_WIDTHS) {
    const file = path.join(dir, `${key}-${width}.webp`);
    if (fs.existsSync(file)) continue;
    await sharp(source, { density: 72 })
      .resize(width, Math.round(width * ASPECT))
      .webp({ quality: 70 })
      .toFile(file);
  }
  return { key, width: 1200, height: Math.round(1200 * ASPECT), widths: IMAGE_WIDTHS.join(',') };
}
