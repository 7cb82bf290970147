/// <reference types="node" />
import type { Plugin } from 'vite';
import { indexHtmlPlugin } from './index-html-plugin';

/**
 * The entry (src/main.tsx) imports the app (src/app-main.tsx) dynamically, so that a page the server
 * rendered paints before the app's code is evaluated. The browser should still fetch and compile
 * that code at once, next to the entry: index.html gets a modulepreload for the app's chunk and
 * every chunk it imports statically. The entry's own script is made `async`: a deferred module
 * holds DOMContentLoaded back until it has run, and Chromium does not paint a loading document
 * before DOMContentLoaded, so the server-rendered page would wait for the script to arrive.
 */
export function preloadApp(appModule = /[\\/]src[\\/]app-main\.tsx$/): Plugin {
  return indexHtmlPlugin('devpi-dashboard-preload-app', (html, bundle, base) => {
    const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
    const app = chunks.find((chunk) => chunk.moduleIds.some((id) => appModule.test(id)));
    if (!app) throw new Error('preload-app: no chunk for the app module; was src/app-main.tsx renamed?');
    const files: string[] = [];
    const visit = (fileName: string) => {
      if (files.includes(fileName)) return;
      files.push(fileName);
      for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) visit(imported);
    };
    visit(app.fileName);
    const links = files
      .filter((file) => !html.includes(`${base}${file}"`))
      .map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`);
    const entry = /<script type="module" crossorigin src=/;
    if (!entry.test(html)) throw new Error('preload-app: no entry <script type="module"> in index.html');
    return html.replace(entry, '<script type="module" async crossorigin src=').replace(/\n(\s*)<\/head>/, (_match, indent: string) => `\n${links.map((link) => `${indent}  ${link}\n`).join('')}${indent}</head>`);
  });
}
