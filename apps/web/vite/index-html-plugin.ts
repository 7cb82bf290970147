/// <reference types="node" />
import type { Plugin } from 'vite';

type Bundle = NonNullable<Parameters<Extract<NonNullable<Plugin['transformIndexHtml']>, { handler: unknown }>['handler']>[1]['bundle']>;

/** A build-only plugin that rewrites index.html once Vite has put its own tags in, knowing the bundle and the base. */
export function indexHtmlPlugin(name: string, transform: (html: string, bundle: Bundle, base: string) => string): Plugin {
  let base = '/';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.bundle ? transform(html, ctx.bundle, base) : html),
    },
  };
}
