import { site } from '@/lib/site';

// Requests that never reach the [locale] segment land here: Arabic, with a way back.
export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body>
        <main className="mx-auto max-w-2xl px-4 py-20 text-center">
          <p className="text-6xl font-bold text-brand">404</p>
          <h1 className="mt-4 text-2xl font-bold">الصفحة غير موجودة</h1>
          <p className="mt-4 text-muted">عذرًا، لم نجد ما تبحث عنه.</p>
          <p className="mt-8">
            <a href="/" className="font-bold text-brand underline underline-offset-4">
              العودة إلى {site.name}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
