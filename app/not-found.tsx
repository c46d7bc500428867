import messages from '@/messages/ar.json';

// Requests that never reach the [locale] segment land here: Arabic, with a way back.
export default function GlobalNotFound() {
  const t = messages.NotFound;
  return (
    <html lang="ar" dir="rtl">
      <body>
        <main className="mx-auto max-w-2xl px-4 py-20 text-center">
          <p className="text-6xl font-bold text-brand" aria-hidden="true">
            404
          </p>
          <h1 className="mt-4 text-2xl font-bold">{t.title}</h1>
          <p className="mt-4 text-muted">{t.body}</p>
          <p className="mt-8">
            <a href="/" className="font-bold text-brand underline underline-offset-4">
              {t.back}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
