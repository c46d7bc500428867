import { CopyLink } from './CopyLink';
import { hrefOf } from '@/lib/paths';

export type ShareLabels = {
  heading: string;
  shareOn: (network: string) => string;
  networks: { whatsapp: string; telegram: string; x: string; facebook: string };
  copyLink: string;
  copied: string;
};

/** Plain share links: no third-party script runs until the reader chooses a network. */
export function ShareLinks({ url, title, labels }: { url: string; title: string; labels: ShareLabels }) {
  // The title goes as letters (hrefOf on the whole link).
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { key: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { key: 'telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { key: 'x', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { key: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ] as const;
  const chip =
    'inline-flex min-h-11 items-center rounded-full border border-line px-4 text-sm font-bold hover:border-brand hover:text-brand';
  return (
    <section aria-labelledby="share-heading" className="mt-8">
      <h2 id="share-heading" className="mb-3 text-base font-bold">
        {labels.heading}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {targets.map(({ key, href }) => (
          <li key={key}>
            <a href={hrefOf(href)} target="_blank" rel="noopener noreferrer nofollow" className={chip} title={labels.shareOn(labels.networks[key])}>
              {labels.networks[key]}
            </a>
          </li>
        ))}
        <li>
          <CopyLink url={url} label={labels.copyLink} copiedLabel={labels.copied} className={chip} />
        </li>
      </ul>
    </section>
  );
}
