import { escapeHtml } from './highlight.js';
import { renderMarkdown } from './markdown.js';
import { renderRst } from './rst/index.js';
import { sanitizeDescription } from './sanitize.js';

export type DescriptionFormat = 'markdown' | 'rst' | 'text';

/** A long description rendered for display: `html` is sanitised and safe to inject. */
export interface RenderedDescription {
  format: DescriptionFormat;
  html: string;
}

// Descriptions beyond this are cut: no README needs more, and it bounds the work one request can cause.
const maxChars = 512 * 1024;

/** Picks the renderer from `Description-Content-Type`, defaulting to rST like PyPI's readme_renderer. */
export function descriptionFormat(contentType: string | undefined): DescriptionFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'text/plain') return 'text';
  return 'rst';
}

/** Renders an uploaded long description to sanitised HTML. */
export function renderDescription(source: string, contentType?: string): RenderedDescription {
  const text = source.length > maxChars ? source.slice(0, maxChars) : source;
  const format = descriptionFormat(contentType);
  if (!text.trim()) return { format, html: '' };
  let raw: string;
  if (format === 'markdown') raw = renderMarkdown(text);
  else if (format === 'rst') raw = renderRst(text);
  else raw = `<pre>${escapeHtml(text)}</pre>`;
  return { format, html: sanitizeDescription(raw) };
}
