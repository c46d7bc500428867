'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { saveArticleAction } from '@/app/[locale]/admin/(panel)/articles/actions';
import type { EditorState, EditorValues } from '@/lib/editor-state';

export type EditorLabels = {
  fields: Record<string, string>;
  toolbar: Record<'label' | 'bold' | 'italic' | 'heading' | 'link' | 'quote' | 'list', string>;
  linkPrompt: string;
  preview: string;
  previewEmpty: string;
  actions: string;
  settings: string;
  save: string;
  saving: string;
  review: string;
  publish: string;
  schedule: string;
  unpublish: string;
  trash: string;
  restore: string;
  confirm: string;
  reload: string;
  /** "الحالة: {status}" */
  statusLine: string;
  statusNames: Record<string, string>;
};

type Option = { id: number; label: string };

const input = 'mt-1 block w-full rounded border border-line bg-white px-3 py-2 aria-invalid:border-brand';

/**
 * The article editor. A plain form posted to a server action (so it keeps working without
 * JavaScript); with JavaScript, a Markdown toolbar and a live preview rendered by the server
 * exactly as readers will see it.
 */
export function ArticleEditor({
  locale,
  initial,
  sections,
  tagNames,
  image,
  canPublish,
  labels,
  reloadHref,
}: {
  locale: string;
  initial: EditorState;
  sections: Option[];
  tagNames: string[];
  image: { src: string; width: number; height: number } | null;
  canPublish: boolean;
  labels: EditorLabels;
  reloadHref: string | null;
}) {
  const [state, action, pending] = useActionState(saveArticleAction, initial);
  const [preview, setPreview] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const v: EditorValues = state.values;

  const refreshPreview = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const body = bodyRef.current?.value ?? '';
      try {
        const response = await fetch('/api/admin/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
        if (response.ok) setPreview(((await response.json()) as { html: string }).html);
      } catch {
        // the preview is a convenience; the save does not depend on it
      }
    }, 350);
  };

  useEffect(() => {
    refreshPreview();
    if (state.status === 'invalid') {
      const first = Object.keys(state.errors)[0];
      if (first) document.getElementById(`field-${first}`)?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  /** Wraps the selection in Markdown, keeping it selected, as a word processor would. */
  const format = (kind: keyof EditorLabels['toolbar']) => {
    const area = bodyRef.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end, value } = area;
    const selected = value.slice(start, end);
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    let replacement = selected;
    let from = start;
    if (kind === 'bold') replacement = `**${selected || '…'}**`;
    if (kind === 'italic') replacement = `*${selected || '…'}*`;
    if (kind === 'link') {
      const url = window.prompt(labels.linkPrompt, 'https://');
      if (!url) return;
      replacement = `[${selected || url}](${url})`;
    }
    if (kind === 'heading' || kind === 'quote' || kind === 'list') {
      const prefix = kind === 'heading' ? '## ' : kind === 'quote' ? '> ' : '- ';
      from = lineStart;
      replacement = value
        .slice(lineStart, end)
        .split('\n')
        .map((l) => prefix + l)
        .join('\n');
    }
    area.focus();
    area.setRangeText(replacement, from, end, 'select');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const field = (name: keyof EditorValues, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <p className="mt-4">
      <label htmlFor={`field-${name}`} className="block font-bold">
        {label}
      </label>
      <input
        id={`field-${name}`}
        name={name}
        defaultValue={v[name] as string}
        aria-invalid={state.errors[name] ? true : undefined}
        aria-describedby={`field-${name}-note`}
        className={input}
        {...props}
      />
      <span id={`field-${name}-note`} className="mt-1 block text-sm">
        {state.errors[name] ? <strong className="text-brand">{state.errors[name]}</strong> : hint && <span className="text-muted">{hint}</span>}
      </span>
    </p>
  );

  const status = state.articleStatus;
  const button = 'inline-flex min-h-11 items-center rounded px-4 font-bold disabled:opacity-60';

  return (
    <form key={state.formVersion} action={action} noValidate className="mt-4 grid gap-6 lg:grid-cols-[1fr_20rem]">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="version" value={state.version} />

      <div className="min-w-0 rounded bg-white p-4">
        <div role="status" aria-live="polite">
          {state.message && (
            <p className={`rounded px-4 py-3 font-bold ${state.status === 'saved' ? 'bg-wash' : 'bg-brand/10 text-brand-dark'}`}>
              {state.message}
              {state.status === 'conflict' && reloadHref && (
                <>
                  {' '}
                  <a href={reloadHref} target="_blank" rel="noopener" className="underline">
                    {labels.reload}
                  </a>
                </>
              )}
            </p>
          )}
        </div>
        {field('title', labels.fields.title!, { required: true, 'aria-required': true, className: `${input} text-xl font-bold` })}
        {field('deck', labels.fields.deck!)}
        {field('source', labels.fields.source!)}

        <div className="mt-4">
          <label htmlFor="field-body" className="block font-bold">
            {labels.fields.body}
          </label>
          <div role="toolbar" aria-label={labels.toolbar.label} aria-controls="field-body" className="mt-1 flex flex-wrap gap-1">
            {(['bold', 'italic', 'heading', 'link', 'quote', 'list'] as const).map((kind) => (
              <button key={kind} type="button" onClick={() => format(kind)} className="min-h-11 rounded border border-line px-3 text-sm hover:border-brand">
                {labels.toolbar[kind]}
              </button>
            ))}
          </div>
          <div className="mt-2 grid gap-4 xl:grid-cols-2">
            <textarea
              ref={bodyRef}
              id="field-body"
              name="body"
              rows={22}
              defaultValue={v.body}
              onInput={refreshPreview}
              required
              aria-required
              aria-invalid={state.errors.body ? true : undefined}
              aria-describedby="field-body-note"
              className={`${input} text-base leading-relaxed`}
            />
            <section aria-label={labels.preview} className="rounded border border-line p-3">
              <h2 className="mb-2 text-sm font-bold text-muted">{labels.preview}</h2>
              {preview ? (
                <div className="article-body" data-testid="preview" dangerouslySetInnerHTML={{ __html: preview }} />
              ) : (
                <p className="text-muted">{labels.previewEmpty}</p>
              )}
            </section>
          </div>
          <span id="field-body-note" className="mt-1 block text-sm font-bold text-brand">
            {state.errors.body}
          </span>
        </div>

        <p className="mt-4">
          <label htmlFor="field-excerpt" className="block font-bold">
            {labels.fields.excerpt}
          </label>
          <textarea id="field-excerpt" name="excerpt" rows={3} defaultValue={v.excerpt} aria-describedby="field-excerpt-note" className={input} />
          <span id="field-excerpt-note" className="mt-1 block text-sm">
            {state.errors.excerpt ? <strong className="text-brand">{state.errors.excerpt}</strong> : <span className="text-muted">{labels.fields.excerptHint}</span>}
          </span>
        </p>
      </div>

      <aside aria-label={labels.settings} className="space-y-4">
        <div className="rounded bg-white p-4">
          <p className="font-bold" data-testid="article-status">
            {labels.statusLine.replace('{status}', labels.statusNames[status] ?? status)}
          </p>
          <p className="mt-4">
            <label htmlFor="field-sectionId" className="block font-bold">
              {labels.fields.section}
            </label>
            <select id="field-sectionId" name="sectionId" defaultValue={v.sectionId} aria-invalid={state.errors.sectionId ? true : undefined} aria-describedby="field-sectionId-note" className={input}>
              <option value="">—</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <span id="field-sectionId-note" className="mt-1 block text-sm font-bold text-brand">
              {state.errors.sectionId}
            </span>
          </p>
          {field('tags', labels.fields.tags!, { list: 'tag-names', autoComplete: 'off' }, labels.fields.tagsHint)}
          <datalist id="tag-names">
            {tagNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {field('slug', labels.fields.slug!, { dir: 'auto' }, labels.fields.slugHint)}
          <p className="mt-4 flex items-center gap-2">
            <input id="field-commentsOpen" name="commentsOpen" type="checkbox" defaultChecked={v.commentsOpen} className="size-5" />
            <label htmlFor="field-commentsOpen">{labels.fields.commentsOpen}</label>
          </p>
        </div>

        <div className="rounded bg-white p-4">
          <p className="font-bold">{labels.fields.image}</p>
          {image && <img src={image.src} width={image.width} height={image.height} alt="" className="mt-2 h-auto w-full rounded" />}
          <p className="mt-2">
            <label htmlFor="field-image" className="sr-only">
              {labels.fields.image}
            </label>
            <input id="field-image" name="image" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="field-image-note" aria-invalid={state.errors.image ? true : undefined} className="block w-full text-sm" />
            <span id="field-image-note" className="mt-1 block text-sm">
              {state.errors.image ? <strong className="text-brand">{state.errors.image}</strong> : <span className="text-muted">{labels.fields.imageHint}</span>}
            </span>
          </p>
          {field('imageAlt', labels.fields.imageAlt!)}
          {field('imageCaption', labels.fields.imageCaption!, {}, labels.fields.imageCaptionHint)}
          {field('imageCredit', labels.fields.imageCredit!, {}, labels.fields.imageCreditHint)}
          {image && (
            <p className="mt-2 flex items-center gap-2">
              <input id="field-removeImage" name="removeImage" type="checkbox" className="size-5" />
              <label htmlFor="field-removeImage">{labels.fields.removeImage}</label>
            </p>
          )}
        </div>

        <div className="rounded bg-white p-4">
          <p className="font-bold">{labels.actions}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="submit" name="intent" value="save" disabled={pending} className={`${button} bg-night text-white`}>
              {pending ? labels.saving : labels.save}
            </button>
            {!canPublish && status === 'draft' && (
              <button type="submit" name="intent" value="review" disabled={pending} className={`${button} border border-line`}>
                {labels.review}
              </button>
            )}
            {canPublish && status !== 'trash' && (
              <button type="submit" name="intent" value="publish" disabled={pending} className={`${button} bg-brand text-white`}>
                {labels.publish}
              </button>
            )}
            {canPublish && (status === 'published' || status === 'scheduled') && (
              <button type="submit" name="intent" value="unpublish" disabled={pending} className={`${button} border border-line`}>
                {labels.unpublish}
              </button>
            )}
          </div>
          {canPublish && status !== 'trash' && (
            <div className="mt-4 border-t border-line pt-3">
              {field('publishAt', labels.fields.publishAt!, { type: 'datetime-local', step: 1, dir: 'ltr' })}
              <button type="submit" name="intent" value="schedule" disabled={pending} className={`${button} mt-2 border border-line`}>
                {labels.schedule}
              </button>
            </div>
          )}
          {canPublish && status !== 'trash' && (
            <div className="mt-4 border-t border-line pt-3">
              {field('breakingUntil', labels.fields.breakingUntil!, { type: 'datetime-local', step: 1, dir: 'ltr' })}
            </div>
          )}
          {canPublish && state.id !== null && (
            <div className="mt-4 border-t border-line pt-3">
              {status === 'trash' ? (
                <button type="submit" name="intent" value="restore" disabled={pending} className={`${button} border border-line`}>
                  {labels.restore}
                </button>
              ) : (
                <button
                  type="submit"
                  name="intent"
                  value="trash"
                  disabled={pending}
                  onClick={(event) => {
                    if (!window.confirm(labels.confirm)) event.preventDefault();
                  }}
                  className={`${button} border border-brand text-brand`}
                >
                  {labels.trash}
                </button>
              )}
            </div>
          )}
        </div>
      </aside>
    </form>
  );
}
