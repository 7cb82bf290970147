import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Response } from 'express';

/**
 * The SPA's index.html carries its stylesheet inline (apps/web/vite/inline-css.ts). The CSP keeps
 * `style-src 'self'` for everything else and allows exactly those `<style>` elements by hash, on
 * the HTML responses that carry them; an inline style anyone else injects still does not apply.
 */

/** CSP sources (`'sha256-…'`) for the `<style>` elements of an HTML text. */
export function inlineStyleSources(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css = '']) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
}

/** Adds `sources` to the style-src of the CSP already on the response (helmet sets it before the routes). */
export function allowInlineStyles(res: Response, sources: readonly string[]): void {
  const csp = res.getHeader('Content-Security-Policy');
  if (typeof csp !== 'string' || sources.length === 0) return;
  res.setHeader('Content-Security-Policy', csp.replace(/(^|;)\s*style-src ([^;]*)/, (_match, separator: string, value: string) => `${separator}style-src ${value} ${sources.join(' ')}`));
}

/**
 * The style sources of an HTML file on disk, read again only when the file changes (a build
 * beside a running BFF), so the hashes always match the page that is sent.
 */
export function fileStyleSources(path: string): () => string[] {
  let known: { mtimeMs: number; size: number; sources: string[] } | undefined;
  return () => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return [];
    if (known?.mtimeMs !== stat.mtimeMs || known.size !== stat.size) {
      known = { mtimeMs: stat.mtimeMs, size: stat.size, sources: inlineStyleSources(readFileSync(path, 'utf8')) };
    }
    return known.sources;
  };
}
