'use client';

import { useEffect, useState } from 'react';

const SHOW_AFTER_PX = 400;
const TURN_PX = 40;

/**
 * A plain link to #top, so it works without JavaScript, shown once the page is scrolled (CSS, the
 * back-to-top class). With JavaScript it shows only while the reader heads back up, past the first
 * screen (reading down, it covered the ends of lines on a phone); it scrolls smoothly (unless reduced
 * motion is asked for) and moves focus to the top. Keyboard focus always shows it.
 */
export function BackToTop({ label }: { label: string }) {
  // null until this code runs: till then CSS shows it as the page is scrolled (app/globals.css).
  const [hidden, setHidden] = useState<boolean | null>(null);

  useEffect(() => {
    // The furthest point in the current direction: a turn counts after TURN_PX, so a jittery finger
    // does not flash it.
    let extreme = window.scrollY;
    let up = false;
    const update = () => {
      const y = window.scrollY;
      if (up ? y < extreme : y > extreme) extreme = y;
      else if (Math.abs(y - extreme) > TURN_PX) {
        up = !up;
        extreme = y;
      }
      setHidden(y < SHOW_AFTER_PX || !up);
    };
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
