import { pageWindow } from '@/lib/paging';

type Props = {
  current: number;
  last: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; page: (page: number) => string };
};

export function Pagination({ current, last, hrefFor, labels }: Props) {
  if (last <= 1) return null;
  const link = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-line px-3 hover:border-brand hover:text-brand';
  return (
    <nav aria-label={labels.nav} className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {current > 1 && (
          <li>
            <a href={hrefFor(current - 1)} rel="prev" className={link}>
              {labels.previous}
            </a>
          </li>
        )}
        {pageWindow(current, last).map((page, i) =>
          page === 0 ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={page}>
              {page === current ? (
                <span aria-current="page" className={`${link} border-brand bg-brand font-bold text-white`}>
                  <span className="sr-only">{labels.page(page)}</span>
                  <span aria-hidden="true">{page}</span>
                </span>
              ) : (
                <a href={hrefFor(page)} className={link} aria-label={labels.page(page)}>
                  {page}
                </a>
              )}
            </li>
          ),
        )}
        {current < last && (
          <li>
            <a href={hrefFor(current + 1)} rel="next" className={link}>
              {labels.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
