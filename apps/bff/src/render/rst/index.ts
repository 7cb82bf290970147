import { collectContext } from './context.js';
import { withoutDocTitle } from './doc-title.js';
import { renderBlocks } from './blocks.js';
import { renderInline } from './inline.js';

/** Renders a reStructuredText document (the subset READMEs use) to unsanitised HTML. */
export function renderRst(source: string): string {
  const lines = withoutDocTitle(source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\t/g, '        ').trimEnd()));
  const ctx = collectContext(lines, renderInline);
  return renderBlocks(lines, ctx);
}
