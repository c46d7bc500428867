import { getLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';

// Shown by client-side navigation to a missing page. Documents get the same view from
// page-not-found/ through server.ts, because Next sends notFound() documents with an empty body.
export default async function NotFound() {
  return <NotFoundView locale={await getLocale()} />;
}
