import type { ReactNode } from 'react';
import './admin.css';

// The newsroom is per person: rendered for each request, never cached (private, no-store).
export const dynamic = 'force-dynamic';

export default function AdminRoot({ children }: { children: ReactNode }) {
  return children;
}
