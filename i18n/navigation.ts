import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

export const { getPathname, redirect, permanentRedirect } = createNavigation(routing);

/** A path for `locale`: Arabic unprefixed, English under /en. */
export function localized(locale: string, path: string): string {
  return getPathname({ locale, href: path });
}
