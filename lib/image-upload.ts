import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';

// Featured images from the editor: JPEG, PNG or WebP up to 5 MB, recognised by their content (not
// their name or the type the browser claims), re-encoded as WebP at a few widths.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_WIDTHS = [400, 800, 1200, 1600] as const;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
/** Guards against decompression bombs: a 5 MB file may still claim billions of pixels. */
const MAX_PIXELS = 40_000_000;

export type UploadProblem = 'imageTooBig' | 'imageInvalid';
export type StoredUpload = { key: string; width: number; height: number; widths: string };

export async function storeUpload(data: Buffer, dir: string): Promise<StoredUpload | UploadProblem> {
  if (data.length > MAX_UPLOAD_BYTES) return 'imageTooBig';
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    return 'imageInvalid';
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) return 'imageInvalid';

  const key = `up-${crypto.createHash('sha256').update(data).digest('hex').slice(0, 20)}`;
  // EXIF orientation is applied, so a portrait photo from a phone is not stored on its side.
  const oriented = meta.orientation && meta.orientation >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  const widths = UPLOAD_WIDTHS.filter((w) => w <= oriented.width);
  if (widths.length === 0) widths.push(oriented.width as never);
  try {
    await fs.mkdir(dir, { recursive: true });
    for (const width of widths) {
      const file = path.join(dir, `${key}-${width}.webp`);
      await sharp(data, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width }).webp({ quality: 75 }).toFile(file);
    }
  } catch {
    return 'imageInvalid';
  }
  const largest = widths[widths.length - 1]!;
  return { key, width: largest, height: Math.round((oriented.height * largest) / oriented.width), widths: widths.join(',') };
}

/** Removes the files of an upload that was not kept (its save was refused), unless `inUse` says another image has them. */
export async function discardUpload(upload: StoredUpload, dir: string, inUse: (key: string) => boolean): Promise<void> {
  // The key is the content's hash: the same picture uploaded for another article shares these files.
  if (inUse(upload.key)) return;
  await Promise.all(upload.widths.split(',').map((width) => fs.rm(path.join(dir, `${upload.key}-${width}.webp`), { force: true })));
}
