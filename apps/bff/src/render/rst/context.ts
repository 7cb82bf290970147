import { escapeHtml } from '../highlight.js';
import { collectNotes, type Notes } from './footnotes.js';

/** What the whole document defines and any paragraph may refer to. */
export interface RstContext {
  /** Named hyperlink targets (`.. _name: url`), keyed by normalised name. */
  targets: Map<string, string>;
  /** Anonymous targets (`.. __: url`), consumed in order by `text`__ references. */
  anonymous: string[];
  /** Substitutions (`.. |name| image:: url` or `replace::`) as ready HTML. */
  substitutions: Map<string, string>;
  /** Section title styles in order of first appearance: the index is the heading level - 1. */
  titleStyles: string[];
  /** Footnotes and citations, numbered. */
  notes: Notes;
}

/** Reference names compare case-insensitively with whitespace collapsed, as in docutils. */
export function refName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const targetLine = /^\.\. _([^:`]+|`[^`]+`):\s*(\S.*)?$/;
const anonymousLine = /^(?:\.\. __:|__)\s+(\S+)\s*$/;
const substitutionLine = /^\.\. \|([^|]+)\|\s+(image|replace)::\s*(.*)$/;

function optionsOf(lines: string[], from: number): { options: Map<string, string>; next: number } {
  const options = new Map<string, string>();
  let j = from;
  for (; j < lines.length; j += 1) {
    const m = /^\s+:([\w-]+):\s*(.*)$/.exec(lines[j] ?? '');
    if (!m?.[1]) break;
    options.set(m[1], (m[2] ?? '').trim());
  }
  return { options, next: j };
}

/** First pass: collects targets and substitutions, which rST lets a document use before defining. */
export function collectContext(lines: string[], inline: (text: string, ctx: RstContext) => string): RstContext {
  const ctx: RstContext = { targets: new Map(), anonymous: [], substitutions: new Map(), titleStyles: [], notes: collectNotes(lines) };
  const pending: Array<[string, string]> = [];
  lines.forEach((line, i) => {
    const target = targetLine.exec(line);
    if (target?.[1]) {
      const name = target[1].replace(/^`|`$/g, '');
      // A target's URL may continue on indented lines; the pieces join without spaces.
      let url = target[2] ?? '';
      for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j] ?? ''); j += 1) url += (lines[j] ?? '').trim();
      ctx.targets.set(refName(name), url.trim());
      return;
    }
    const anonymous = anonymousLine.exec(line);
    if (anonymous?.[1]) {
      ctx.anonymous.push(anonymous[1]);
      return;
    }
    const sub = substitutionLine.exec(line);
    if (sub?.[1] && sub[2]) {
      const { options } = optionsOf(lines, i + 1);
      if (sub[2] === 'image') {
        const alt = options.get('alt') ?? sub[1];
        let html = `<img src="${escapeHtml(sub[3]?.trim() ?? '')}" alt="${escapeHtml(alt)}">`;
        const link = options.get('target');
        if (link) html = `<a href="${escapeHtml(link)}">${html}</a>`;
        ctx.substitutions.set(sub[1], html);
      } else {
        pending.push([sub[1], sub[3] ?? '']);
      }
    }
  });
  // `replace::` text may itself hold references, so it is rendered once every target is known.
  for (const [name, text] of pending) ctx.substitutions.set(name, inline(text, ctx));
  return ctx;
}
