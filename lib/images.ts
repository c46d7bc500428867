// URLs for stored images: every image exists as WebP files `<key>-<width>.webp` under /media.

export type ImageSource = { key: string; width: number; height: number; widths: number[] };

export function imageUrl(key: string, width: number): string {
  return `/media/${key}-${width}.webp`;
}

export function imageSrcSet(image: ImageSource): string {
  return image.widths.map((w) => `${imageUrl(image.key, w)} ${w}w`).join(', ');
}

/** The smallest stored width that covers `wanted` pixels, else the largest one. */
export function bestWidth(image: ImageSource, wanted: number): number {
  return image.widths.find((w) => w >= wanted) ?? image.widths[image.widths.length - 1] ?? image.width;
}

/** The largest stored rendition, for link previews and structured data: its path and size. */
export function largestRendition(image: ImageSource): { url: string; width: number; height: number } {
  const width = image.widths.length > 0 ? Math.max(...image.widths) : image.width;
  return { url: imageUrl(image.key, width), width, height: Math.round((image.height * width) / image.width) };
}

/** A file name we are willing to serve: key, dash, width, .webp; nothing that can walk directories. */
export const MEDIA_FILE = /^[a-z0-9][a-z0-9-]{0,80}-[0-9]{2,4}\.webp$/;
