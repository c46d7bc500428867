import type { ContentLang } from '@/lib/content-lang';

type Crumb = { name: string; href?: string } & ContentLang;

/** Home › … › current. The last crumb is the current page unless it carries an href. */
export function Breadcrumb({ label, items }: { label: string; items: Crumb[] }) {
  return (
    <nav aria-label={label} className="text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, i) => (
          <li key={`${i}-${item.name}`} className="flex items-center gap-2">
            {i > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <a href={item.href} lang={item.lang} dir={item.dir} className="inline-block py-1 hover:text-brand hover:underline">
                {item.name}
              </a>
            ) : (
              <span aria-current="page" lang={item.lang} dir={item.dir} className="font-bold text-ink">
                {item.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
