import { escapeHtml } from '../highlight.js';
import { refName, type RstContext } from './context.js';
import { noteReference } from './footnotes.js';

// One alternation, tried left to right at each position. Every quantifier is bounded so a hostile
// paragraph full of unmatched markup stays linear instead of backtracking quadratically.
const inlinePattern = new RegExp(
  [
    /\\([\s\S])/.source, // 1: escaped character
    /``([^`][\s\S]{0,2000}?)``/.source, // 2: inline literal
    /:([\w.+-]{1,40}):`([^`]{1,2000})`/.source, // 3,4: :role:`text`
    /`([^`]{1,2000}?)\s*<([^<>`\s]{1,2000})>`(__?)/.source, // 5,6,7: `text <url>`_
    /`([^`]{1,2000})`(__?)/.source, // 8,9: `text`_ reference
    /`([^`]{1,2000})`/.source, // 10: interpreted text, default role
    /\*\*([^*\s](?:[^*]{0,2000}?[^*\s])?)\*\*/.source, // 11: strong
    /\*([^*\s](?:[^*]{0,2000}?[^*\s])?)\*/.source, // 12: emphasis
    /\|([^|\s](?:[^|]{0,200}?[^|\s])?)\|(?:__?)?/.source, // 13: substitution
    /\b([A-Za-z0-9](?:[\w.+-]{0,200}[A-Za-z0-9])?)_(?![\w])/.source, // 14: simple reference
    /(https?:\/\/[^\s<>"'`]{1,2000}[^\s<>"'`.,;:!?)\]])/.source, // 15: standalone URL
    /([\w.+-]{1,64}@[\w-]{1,64}(?:\.[\w-]{1,64}){1,10})/.source, // 16: email address
    /\[(\d{1,9}|#[\w.-]{0,100}|[A-Za-z][\w.-]{0,100})\]_/.source, // 17: footnote or citation reference
  ].join('|'),
  'g',
);

function link(href: string, html: string): string {
  return `<a href="${escapeHtml(href)}">${html}</a>`;
}

function role(name: string, text: string): string {
  const shown = text.replace(/\s*<[^<>]*>$/, '');
  switch (name) {
    case 'emphasis':
      return `<em>${escapeHtml(shown)}</em>`;
    case 'strong':
      return `<strong>${escapeHtml(shown)}</strong>`;
    case 'sub':
    case 'subscript':
      return `<sub>${escapeHtml(shown)}</sub>`;
    case 'sup':
    case 'superscript':
      return `<sup>${escapeHtml(shown)}</sup>`;
    case 'pep': {
      const n = Number.parseInt(shown, 10);
      return Number.isFinite(n) ? link(`https://peps.python.org/pep-${String(n).padStart(4, '0')}/`, `PEP ${n}`) : escapeHtml(shown);
    }
    case 'rfc': {
      const n = Number.parseInt(shown, 10);
      return Number.isFinite(n) ? link(`https://datatracker.ietf.org/doc/html/rfc${n}`, `RFC ${n}`) : escapeHtml(shown);
    }
    default:
      // Sphinx roles (:class:, :func:, :ref:, ...) point into docs this page does not have: show the name.
      return `<code>${escapeHtml(shown)}</code>`;
  }
}

function reference(text: string, anonymous: boolean, ctx: RstContext): string {
  const href = anonymous ? ctx.anonymous.shift() : ctx.targets.get(refName(text));
  return href ? link(href, escapeHtml(text)) : escapeHtml(text);
}

/** Renders rST inline markup of one text block to HTML, escaping everything else. */
export function renderInline(text: string, ctx: RstContext): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(inlinePattern)) {
    out += escapeHtml(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out += escapeHtml(m[1]);
    else if (m[2] !== undefined) out += `<code>${escapeHtml(m[2])}</code>`;
    else if (m[3] !== undefined && m[4] !== undefined) out += role(m[3], m[4]);
    else if (m[5] !== undefined && m[6] !== undefined) {
      // `text <url>`_ also defines a named target other references may use.
      if (m[7] === '_') ctx.targets.set(refName(m[5]), m[6]);
      out += link(m[6], escapeHtml(m[5] || m[6]));
    } else if (m[8] !== undefined) out += reference(m[8], m[9] === '__', ctx);
    else if (m[10] !== undefined) out += `<cite>${escapeHtml(m[10])}</cite>`;
    else if (m[11] !== undefined) out += `<strong>${escapeHtml(m[11])}</strong>`;
    else if (m[12] !== undefined) out += `<em>${escapeHtml(m[12])}</em>`;
    else if (m[13] !== undefined) out += ctx.substitutions.get(m[13]) ?? escapeHtml(m[0]);
    else if (m[14] !== undefined) {
      const href = ctx.targets.get(refName(m[14]));
      out += href ? link(href, escapeHtml(m[14])) : escapeHtml(m[0]);
    } else if (m[15] !== undefined) out += link(m[15], escapeHtml(m[15]));
    else if (m[16] !== undefined) out += link(`mailto:${m[16]}`, escapeHtml(m[16]));
    else if (m[17] !== undefined) out += noteReference(m[17], ctx.notes, escapeHtml);
  }
  return out + escapeHtml(text.slice(last));
}
