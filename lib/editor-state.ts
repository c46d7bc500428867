import type { ArticleStatus } from '@/db/schema';

// The article editor's form state, passed between the editor and its server action.

export const editorIntents = ['save', 'review', 'publish', 'schedule', 'unpublish', 'trash', 'restore'] as const;
export type EditorIntent = (typeof editorIntents)[number];

export type EditorValues = {
  title: string;
  deck: string;
  source: string;
  body: string;
  excerpt: string;
  slug: string;
  sectionId: string;
  tags: string;
  imageAlt: string;
  /** Shown under the image on the article page. */
  imageCaption: string;
  imageCredit: string;
  commentsOpen: boolean;
  /** datetime-local in the newsroom's time zone, for scheduling. */
  publishAt: string;
  /** datetime-local: «عاجل» until then; empty when not breaking. */
  breakingUntil: string;
};

export type EditorState = {
  status: 'idle' | 'saved' | 'invalid' | 'conflict' | 'forbidden' | 'error';
  message?: string;
  errors: Partial<Record<keyof EditorValues | 'image', string>>;
  values: EditorValues;
  /** null until the first save creates the article. */
  id: number | null;
  /** The version this copy was loaded at: a save from an older one is a conflict. */
  version: number;
  articleStatus: ArticleStatus;
  publishedAt: number | null;
  /** Bumped on every answer so the form re-mounts its fields with the values above. */
  formVersion: number;
};
