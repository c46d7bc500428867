import { currentStaff } from '@/lib/auth';
import { renderMarkdown } from '@/lib/markdown';

// The editor's live preview: the same Markdown renderer and sanitizer the article page uses.
export async function POST(request: Request) {
  if (!(await currentStaff())) return new Response('Forbidden', { status: 403 });
  let body = '';
  try {
    const json = (await request.json()) as { body?: unknown };
    body = typeof json.body === 'string' ? json.body.slice(0, 200_000) : '';
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  return Response.json({ html: renderMarkdown(body) }, { headers: { 'Cache-Control': 'private, no-store' } });
}
