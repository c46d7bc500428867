'use client';

import { useEffect } from 'react';

// Counts a read without making the page dynamic: one beacon after load, once per article per day
// in this browser (server.ts also deduplicates per reader and ignores robots).
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const key = `viewed:${articleId}`;
    const today = new Date().toISOString().slice(0, 10);
    try {
      if (localStorage.getItem(key) === today) return;
      localStorage.setItem(key, today);
    } catch {
      // storage refused (private mode): the server's own dedup still applies
    }
    const body = String(articleId);
    if (!navigator.sendBeacon?.('/api/views', body)) {
      void fetch('/api/views', { method: 'POST', body, keepalive: true }).catch(() => {});
    }
  }, [articleId]);
  return null;
}
