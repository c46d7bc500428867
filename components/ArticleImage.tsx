import type { ImageRef } from '@/db/queries/images';
import { bestWidth, imageSrcSet, imageUrl } from '@/lib/images';

type Props = {
  image: ImageRef;
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string;
  /** The one image that is the largest paint of the page loads first and eagerly. */
  priority?: boolean;
  className?: string;
};

export function ArticleImage({ image, sizes, priority = false, className = '' }: Props) {
  return (
    <img
      src={imageUrl(image.key, bestWidth(image, 800))}
      srcSet={imageSrcSet(image)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding={priority ? 'sync' : 'async'}
      className={`block h-auto w-full bg-wash object-cover ${className}`}
    />
  );
}
