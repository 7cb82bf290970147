/// <reference types="node" />
import type { Plugin } from 'vite';
import { indexHtmlPlugin } from './index-html-plugin';

/**
 * The stylesheet goes into index.html as a `<style>` element instead of a `<link>`: on a cold load
 * of the landing page the server renders, the stylesheet was the last thing the first paint waited
 * for (it was asked for when the head arrived and came after the rendered screen, 20-50 ms later
 * on a busy machine). The SPA has one stylesheet (`cssCodeSplit: false`) of about 7 KB compressed,
 * and index.html is loaded once per visit, so nothing is lost by not caching it apart. The BFF
 * allows exactly these elements by their hash in its CSP (apps/bff/src/http/inline-style-csp.ts).
 * The CSS may not refer to files by relative URLs: they would resolve against the page, not assets/.
 */
export function inlineCss(): Plugin {
  return indexHtmlPlugin('devpi-dashboard-inline-css', (html, bundle, base) => {
    let inlined = html;
    for (const output of Object.values(bundle)) {
      if (output.type !== 'asset' || !output.fileName.endsWith('.css')) continue;
      const link = new RegExp(`<link rel="stylesheet"(?: crossorigin)? href="${escapeRegExp(`${base}${output.fileName}`)}">`);
      if (!link.test(inlined)) continue;
      const css = typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source);
      if (/<\/style/i.test(css)) throw new Error(`inline-css: ${output.fileName} contains "</style"`);
      if (/url\(\s*['"]?(?!data:|https?:|\/)/i.test(css)) throw new Error(`inline-css: ${output.fileName} refers to a file by a relative URL`);
      inlined = inlined.replace(link, () => `<style>${css.trimEnd()}</style>`);
    }
    if (/<link rel="stylesheet"/.test(inlined)) throw new Error('inline-css: index.html still links a stylesheet that is not in the bundle');
    return inlined;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
