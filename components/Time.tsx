import { interfaceText } from '@/lib/content-lang';
import { formatDate, formatDateTime, type UiLocale } from '@/lib/format';

export function Time({ value, locale, withTime = false }: { value: number; locale: UiLocale; withTime?: boolean }) {
  return (
    <time dateTime={new Date(value).toISOString()} {...interfaceText(locale)}>
      {withTime ? formatDateTime(value, locale) : formatDate(value, locale)}
    </time>
  );
}
