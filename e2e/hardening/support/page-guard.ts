/// <reference lib="dom" />
// Watches a page for anything hostile content could make happen: a payload calling
// window.__hostile, a dialog, a CSP violation, a console error, an uncaught exception. Also looks
// at the rendered DOM for elements and attributes that could run script if CSP were weaker.
import type { Page } from '@playwright/test';

export interface Incidents {
  executed: string[];
  dialogs: string[];
  cspViolations: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

export async function guardPage(page: Page): Promise<Incidents> {
  const incidents: Incidents = { executed: [], dialogs: [], cspViolations: [], consoleErrors: [], pageErrors: [] };
  await page.exposeFunction('__hostile', (id: string) => incidents.executed.push(id));
  await page.exposeFunction('__cspViolation', (report: string) => incidents.cspViolations.push(report));
  // Added by Playwright before any page script, so the page's CSP does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`;
      void Reflect.apply(Reflect.get(window, '__cspViolation'), window, [report]);
    });
  });
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') incidents.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => incidents.pageErrors.push(error.message));
  return incidents;
}

/** Elements and attributes in the rendered page that would run script or leave the origin. */
export function dangerousDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'poster', 'background'];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !el.hasAttribute('src')) found.push('inline <script>');
      if (tag === 'script' && el.closest('body') !== null) found.push(`<script> in body: ${el.outerHTML.slice(0, 80)}`);
      if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push('<meta http-equiv>');
      if (tag === 'style' && el.closest('body') !== null) found.push('<style> in body');
      if (tag === 'form' && /^https?:/i.test(el.getAttribute('action') ?? '')) found.push(`<form action=${el.getAttribute('action')}>`);
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
        if (urlAttrs.includes(attr.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value)) found.push(`${tag}[${attr.name}=${attr.value.slice(0, 40)}]`);
        if (attr.name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      }
    }
    return found;
  });
}
