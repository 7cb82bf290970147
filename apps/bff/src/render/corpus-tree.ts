// The normalisation under which our rST output and readme_renderer's must agree (rst-corpus.test.ts).
// Both sides go through the description sanitiser first: that is what a reader sees, and it already
// removes what carries no meaning here (docutils' <colgroup>, ids, rel, every class but ours).
import { parseDocument } from 'htmlparser2';

/** One element of the compared tree; text is the element's own text runs, in order with children. */
export interface TreeNode {
  tag: string;
  attrs: Record<string, string>;
  children: Array<TreeNode | string>;
}

// Only attributes that change what a reader gets: where a link goes, what an image shows, how a cell spans.
const compared = new Set(['href', 'src', 'alt', 'colspan', 'rowspan', 'start']);
// Containers that only group: docutils wraps sections, footnote lists and admonitions in <section>,
// <aside> and <div>; we use <div>s. Their contents are compared, not the wrapper.
const transparent = new Set(['section', 'aside', 'div', 'span']);
// docutils puts each list item, definition and cell into a <p>; a lone <p> there reads the same as bare text.
const paragraphHosts = new Set(['li', 'dd', 'td', 'th']);

/**
 * docutils' own spellings, mapped before sanitising (their classes are gone after): an inline
 * literal is `<span class="docutils literal">` where we write `<code>`, and a definition-list
 * classifier is a `<span class="classifier">` whose " : " docutils' stylesheet draws.
 */
export function fromDocutils(html: string): string {
  return html
    .replace(/<span class="docutils literal">((?:[^<]|<span class="pre">[^<]*<\/span>)*)<\/span>/g, (_m, inner: string) => `<code>${inner.replace(/<\/?span[^>]*>/g, '')}</code>`)
    .replace(/<span class="classifier">/g, '<span> : ');
}

const blocks = new Set(['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'blockquote', 'hr', 'figure', 'figcaption']);

type Raw = { type: string; name?: string; data?: string; attribs?: Record<string, string>; children?: Raw[] };

function convert(nodes: Raw[], inPre: boolean): Array<TreeNode | string> {
  const out: Array<TreeNode | string> = [];
  const pushText = (text: string) => {
    const last = out[out.length - 1];
    if (typeof last === 'string') out[out.length - 1] = last + text;
    else out.push(text);
  };
  for (const node of nodes) {
    if (node.type === 'text') pushText(node.data ?? '');
    else if (node.type === 'tag' && node.name) {
      const children = convert(node.children ?? [], inPre || node.name === 'pre');
      // <pre><code> is <pre>: the highlighters differ in wrapping, not in content.
      if (transparent.has(node.name) || (inPre && node.name === 'code')) {
        for (const child of children) if (typeof child === 'string') pushText(child); else out.push(child);
        continue;
      }
      const attrs = Object.fromEntries(Object.entries(node.attribs ?? {}).filter(([k]) => compared.has(k)));
      out.push({ tag: node.name, attrs, children });
    }
  }
  return out;
}

function tidy(nodes: Array<TreeNode | string>, inPre: boolean): Array<TreeNode | string> {
  const out: Array<TreeNode | string> = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      // Whitespace collapses in HTML; in <pre> only the trailing newline differs between writers.
      const text = inPre ? node.replace(/\s+$/, '') : node.replace(/\s+/g, ' ');
      if (text.trim() !== '' || (text !== '' && !inPre && out.length > 0)) out.push(text);
      continue;
    }
    const children = tidy(node.children, inPre || node.tag === 'pre');
    const only = children.length === 1 ? children[0] : undefined;
    if (paragraphHosts.has(node.tag) && only && typeof only !== 'string' && only.tag === 'p') out.push({ ...node, children: only.children });
    else out.push({ ...node, children });
  }
  // Whitespace next to a block (or at a container's edge) is layout, not text.
  const isBlock = (n: TreeNode | string | undefined) => n === undefined || (typeof n !== 'string' && blocks.has(n.tag));
  const trimmed = out.map((n, i) => {
    if (typeof n !== 'string' || inPre) return n;
    const start = isBlock(out[i - 1]) ? n.trimStart() : n;
    return isBlock(out[i + 1]) ? start.trimEnd() : start;
  });
  return trimmed.filter((n) => n !== '');
}

// Heading levels are compared by rank: the page demotes a description's headings anyway, and
// docutils starts at <h2> (readme_renderer's initial_header_level) where we start at <h1>.
function rankHeadings(nodes: Array<TreeNode | string>): Array<TreeNode | string> {
  const levels = new Set<number>();
  const visit = (list: Array<TreeNode | string>) => list.forEach((n) => {
    if (typeof n === 'string') return;
    const m = /^h([1-6])$/.exec(n.tag);
    if (m) levels.add(Number(m[1]));
    visit(n.children);
  });
  visit(nodes);
  const ranks = [...levels].sort();
  const rename = (list: Array<TreeNode | string>): Array<TreeNode | string> => list.map((n) => {
    if (typeof n === 'string') return n;
    const m = /^h([1-6])$/.exec(n.tag);
    return { ...n, tag: m ? `heading-${ranks.indexOf(Number(m[1])) + 1}` : n.tag, children: rename(n.children) };
  });
  return rename(nodes);
}

/** The normalised tree of sanitised description HTML. */
export function treeOf(html: string): Array<TreeNode | string> {
  const document = parseDocument(html) as unknown as Raw;
  return rankHeadings(tidy(convert(document.children ?? [], false), false));
}
