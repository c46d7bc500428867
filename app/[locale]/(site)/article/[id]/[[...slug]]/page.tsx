import type { Metadata } from 'next';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleView } from '@/components/article/ArticleView';
import { RelatedArticles } from '@/components/article/RelatedArticles';
import { ViewBeacon } from '@/components/article/ViewBeacon';
import { MostRead } from '@/components/MostRead';
import { ShareLinks } from '@/components/article/ShareLinks';
import { CommentSection } from '@/components/comments/CommentSection';
import { ArticleStructuredData } from '@/components/StructuredData';
import { getArticle, getComments, getMostRead, getReaderSettings, getRelated, getSections } from '@/db/cached';
import { getDb } from '@/db/client';
import { getSigningSecret } from '@/db/queries/settings';
import { localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { articlePath, articleShortPath, authorPath, hrefOf } from '@/lib/paths';
import { commentsAreOpen } from '@/lib/comment-rules';
import { ancestorChain } from '@/lib/section-tree';
import { articleDescription, pageMetadata } from '@/lib/seo';
import { siteUrl } from '@/lib/site';
import { issueFormToken } from '@/lib/signing';
import { parseId } from '@/lib/paging';
import { decodeSlug } from '@/lib/slug';

type Props = { params: Promise<{ locale: UiLocale; id: string; slug?: string[] }> };

export function generateStaticParams() {
  return [];
}

/** `/article/<id>/<slug>` is the article; `/article/<id>/<slug>/reply/<comment>` the same page
 * with the form answering that comment (the «رد» link without JavaScript). */
function parseRest(slug: string[] | undefined): { slug: string | undefined; replyTo: number | null } | null {
  if (!slug || slug.length === 1) return { slug: slug?.[0], replyTo: null };
  const replyTo = slug.length === 3 && slug[1] === 'reply' ? parseId(slug[2]) : null;
  if (replyTo) return { slug: slug[0], replyTo };
  return null;
}

async function load(params: Props['params']) {
  const { locale, id, slug } = await params;
  const articleId = parseId(id);
  if (!articleId) notFound();
  const article = await getArticle(articleId);
  if (!article) notFound();
  return { locale, rest: parseRest(slug), article };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, rest, article } = await load(params);
  return pageMetadata({
    locale,
    path: articlePath(article.id, article.slug),
    title: article.title,
    description: articleDescription(article),
    image: article.image,
    article: {
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      authorPath: authorPath(article.author.slug),
    },
    ...(rest?.replyTo ? { robots: { index: false, follow: true } } : {}),
  });
}

export default async function ArticlePage({ params }: Props) {
  const { locale, rest, article } = await load(params);
  setRequestLocale(locale);
  const path = localized(locale, articlePath(article.id, article.slug));
  // One address per article: a missing, stale or mistyped slug moves permanently to the right one.
  if (!rest || rest.slug === undefined || decodeSlug(rest.slug) !== article.slug.normalize('NFC')) {
    permanentRedirect(rest?.replyTo ? `${path}/reply/${rest.replyTo}` : path);
  }
  const comments = await getComments(article.id);
  const replyComment = rest.replyTo ? comments.find((c) => c.id === rest.replyTo) : undefined;
  if (rest.replyTo && !replyComment) redirect(`${path}#respond`);
  const settings = await getReaderSettings();
  const commentsOpen = commentsAreOpen({ ...article, status: 'published' }, Date.now(), settings['comments.closeAfterDays']);

  const t = await getTranslations({ locale, namespace: 'Article' });
  const chain = ancestorChain(await getSections(), article.section.id);
  const [related, mostRead] = await Promise.all([getRelated(article.id, article.section.id, article.title), getMostRead()]);

  return (
    <ArticleView locale={locale} article={{ ...article, chain }}>
      <ArticleStructuredData locale={locale} article={article} chain={chain} />
      {/* Shared and copied by its short address: an Arabic slug, percent-encoded, is a long string
          of %D8%.. in a message, and the short one moves to the article all the same. */}
      <ShareLinks
        url={`${siteUrl()}${localized(locale, articleShortPath(article.id))}`}
        title={article.title}
        labels={{
          heading: t('share'),
          shareOn: (network) => t('shareOn', { network }),
          networks: {
            whatsapp: t('networks.whatsapp'),
            telegram: t('networks.telegram'),
            x: t('networks.x'),
            facebook: t('networks.facebook'),
          },
          copyLink: t('copyLink'),
          copied: t('copied'),
        }}
      />

      {/* Awaited with the article, not streamed: the cached page must be complete without JavaScript. */}
      <RelatedArticles articles={related} locale={locale} heading={t('related')} />
      <MostRead locale={locale} day={mostRead.day} week={mostRead.week} className="mt-10 border-t border-line pt-6" />
      <ViewBeacon articleId={article.id} />

      <CommentSection
        locale={locale}
        articleId={article.id}
        comments={comments}
        open={commentsOpen}
        replyTo={replyComment ? { id: replyComment.id, name: replyComment.authorName } : null}
        token={issueFormToken(getSigningSecret(getDb()), Date.now())}
        replyHref={(commentId) => hrefOf(`${path}/reply/${commentId}#respond`)}
        articleHref={hrefOf(path)}
      />
    </ArticleView>
  );
}
