import { BackToTop } from './BackToTop';
import type { SectionTreeNode } from '@/lib/section-tree';
import { localized } from '@/i18n/navigation';
import { hrefOf, sectionPath } from '@/lib/paths';
import { SectionName } from '@/components/SectionName';

type Props = {
  locale: string;
  tree: SectionTreeNode[];
  labels: { sections: string; copyright: string; backToTop: string };
};

function SectionList({ nodes, locale, depth }: { nodes: SectionTreeNode[]; locale: string; depth: number }) {
  return (
    <ul className={depth === 0 ? 'grid grid-cols-2 gap-6 sm:grid-cols-3 lg:grid-cols-6' : 'mt-2 space-y-1 ps-3'}>
      {nodes.map((node) => (
        <li key={node.id}>
          <a
            href={hrefOf(localized(locale, sectionPath(node.slug)))}
            className={depth === 0 ? 'font-bold hover:underline' : 'text-white/80 hover:text-white hover:underline'}
          >
            <SectionName section={node} locale={locale} />
          </a>
          {node.children.length > 0 && <SectionList nodes={node.children} locale={locale} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
}

export function SiteFooter({ locale, tree, labels }: Props) {
  return (
    <footer className="mt-16 bg-night text-white">
      <div className="mx-auto max-w-6xl px-4 py-10">
        <nav aria-labelledby="site-sections">
          <h2 id="site-sections" className="mb-4 text-lg font-bold">
            {labels.sections}
          </h2>
          <SectionList nodes={tree} locale={locale} depth={0} />
        </nav>
        <p className="mt-10 border-t border-white/20 pt-6 text-sm text-white/80">{labels.copyright}</p>
      </div>
      <BackToTop label={labels.backToTop} />
    </footer>
  );
}
