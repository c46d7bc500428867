import { sectionName, sectionNameAttributes } from '@/lib/section-name';

/** A section's name as this interface shows it (lib/section-name.ts). */
export function SectionName({ section, locale }: { section: { name: string; nameEn?: string }; locale: string }) {
  return <span {...sectionNameAttributes(section, locale)}>{sectionName(section, locale)}</span>;
}
