import { describe, expect, it } from 'vitest';
import { bestWidth, type ImageSource, imageSrcSet, imageUrl, MEDIA_FILE } from '@/lib/images';

const image: ImageSource = { key: 'demo-001', width: 1200, height: 675, widths: [400, 800, 1200] };

describe('imageUrl', () => {
  it('points at the WebP file for one width under /media', () => {
    expect(imageUrl('demo-001', 400)).toBe('/media/demo-001-400.webp');
  });

  it('produces file names MEDIA_FILE accepts', () => {
    for (const w of image.widths) expect(imageUrl(image.key, w).replace('/media/', '')).toMatch(MEDIA_FILE);
  });
});

describe('imageSrcSet', () => {
  it('lists every stored width with its w descriptor', () => {
    expect(imageSrcSet(image)).toBe(
      '/media/demo-001-400.webp 400w, /media/demo-001-800.webp 800w, /media/demo-001-1200.webp 1200w',
    );
  });

  it('is empty when no widths are stored', () => {
    expect(imageSrcSet({ ...image, widths: [] })).toBe('');
  });
});

describe('bestWidth', () => {
  it('picks the smallest stored width that covers the wanted size', () => {
    expect(bestWidth(image, 1)).toBe(400);
    expect(bestWidth(image, 400)).toBe(400);
    expect(bestWidth(image, 401)).toBe(800);
    expect(bestWidth(image, 800)).toBe(800);
    expect(bestWidth(image, 1000)).toBe(1200);
  });

  it('falls back to the largest stored width when none is big enough', () => {
    expect(bestWidth(image, 2400)).toBe(1200);
  });

  it('falls back to the intrinsic width when no widths are stored', () => {
    expect(bestWidth({ ...image, widths: [] }, 500)).toBe(1200);
  });
});

describe('MEDIA_FILE', () => {
  it.each(['demo-001-400.webp', 'demo-024-1200.webp', 'a-10.webp', 'photo2024-800.webp'])('accepts %s', (name) => {
    expect(MEDIA_FILE.test(name)).toBe(true);
  });

  it.each([
    '../x-400.webp',
    'a/b-400.webp',
    'a\\b-400.webp',
    'x.webp',
    'x-400.png',
    'x-400.webp.png',
    'x-400.WEBP',
    'Demo-400.webp',
    '-x-400.webp',
    '.x-400.webp',
    'x-4.webp',
    'x-12345.webp',
    'x-400.webp\n',
    'x y-400.webp',
    '%2e%2e-400.webp',
    '',
  ])('rejects %j', (name) => {
    expect(MEDIA_FILE.test(name)).toBe(false);
  });
});
