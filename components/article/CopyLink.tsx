'use client';

import { useState } from 'react';

/** A link to the article; with JavaScript, clicking copies it and says so. */
export function CopyLink({ url, label, copiedLabel, className }: { url: string; label: string; copiedLabel: string; className: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      href={url}
      className={className}
      onClick={async (event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        try {
          await navigator.clipboard.writeText(url);
          setCopied(true);
          setTimeout(() => setCopied(false), 2500);
        } catch {
          window.location.href = url;
        }
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </a>
  );
}
