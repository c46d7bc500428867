'use client';

import { useEffect, useState } from 'react';

/**
 * A plain link to #top, so it works without JavaScript, shown once the page is scrolled (CSS, the
 * back-to-top class). With JavaScript it scrolls smoothly (unless reduced motion is asked for) and
 * moves focus to the top.
 */
export function BackToTop({ label }: { label: string }) {
  // null until this code runs: till then CSS shows it as the page is scrolled (app/globals.css).
  const [hidden, setHidden] = useState<boolean | null>(null);

  useEffect(() => {
    const update = () => setHidden(window.scrollY < 400);
    update();
    window.addEventListener('scroll', update, { passive: true });
    return () => window.removeEventListener('scroll', update);
  }, []);

  return (
    <a
      href="#top"
      aria-label={label}
      title={label}
      data-hidden={hidden || undefined}
      data-js={hidden === null ? undefined : ''}
      onClick={(event) => {
        event.preventDefault();
        const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        window.scrollTo({ top: 0, behavior: reduce ? 'auto' : 'smooth' });
        document.getElementById('top')?.focus({ preventScroll: true });
      }}
      className="back-to-top fixed end-4 bottom-4 z-20 inline-flex size-12 items-center justify-center rounded-full bg-brand text-white shadow-lg transition-opacity hover:bg-brand-dark data-hidden:not-focus-visible:pointer-events-none data-hidden:not-focus-visible:opacity-0"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2.5">
        <path d="M12 19V5M5 12l7-7 7 7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </a>
  );
}
