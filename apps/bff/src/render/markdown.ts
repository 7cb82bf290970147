import { Marked } from 'marked';
import { highlightBlock } from './highlight.js';

// One instance with GitHub-flavoured Markdown, as PyPI renders `text/markdown` (variant GFM). Raw HTML
// passes through marked on purpose: READMEs use it for badges and layout, and the sanitiser decides.
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    code({ text, lang }) {
      return highlightBlock(text, lang);
    },
  },
});

/** Renders Markdown (GFM) to unsanitised HTML. */
export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}
