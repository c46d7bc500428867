import fs from 'node:fs/promises';
import path from 'node:path';
import { mediaDir } from '@/db/client';
import { MEDIA_FILE } from '@/lib/images';

function missing(): Response {
  return new Response('الصورة غير موجودة', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

// Stored images. A file's name never changes meaning (new content gets a new key), so browsers may
// keep it for a year without asking again.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!MEDIA_FILE.test(file)) return missing();
  try {
    const body = await fs.readFile(path.join(mediaDir(), file));
    return new Response(body, {
      headers: {
        'Content-Type': 'image/webp',
        'Content-Length': String(body.length),
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return missing();
  }
}
