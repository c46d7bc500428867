'use client';

import { useEffect, useState } from 'react';

export type TickerItem = { id: number; href: string; title: string; until: number };

// «عاجل»: the server renders the items (the page stays cached and complete without JavaScript) and
// revalidates pages when one ends; here each item also leaves by itself at its time, for copies of
// the page already open or held in a cache.
export function BreakingTicker({ items, label }: { items: TickerItem[]; label: string }) {
  const [now, setNow] = useState<number | null>(null);
  const shown = now === null ? items : items.filter((item) => item.until > now);

  useEffect(() => {
    setNow(Date.now());
    const next = Math.min(...items.map((item) => item.until).filter((until) => until > Date.now()));
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(next - Date.now() + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [items, now]);

  if (shown.length === 0) return null;
  return (
    <aside aria-label={label} className="bg-brand text-white" data-testid="breaking">
      <div className="mx-auto flex max-w-6xl items-stretch gap-3 px-4">
        <span className="flex shrink-0 items-center py-2 font-bold">
          <span aria-hidden="true" className="me-2 inline-block size-2 animate-pulse rounded-full bg-white motion-reduce:animate-none" />
          {label}
        </span>
        <ul className="flex min-w-0 flex-1 flex-col py-1 sm:flex-row sm:gap-6">
          {shown.map((item) => (
            <li key={item.id} className="min-w-0">
              <a href={item.href} className="block truncate py-1 font-bold underline-offset-4 hover:underline" lang="ar" dir="rtl">
                {item.title}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
