import sanitizeHtml from 'sanitize-html';

// Descriptions are written by whoever uploads a package, so the rendered HTML is treated as hostile.
// The allowlist keeps what READMEs need to read well (PyPI's readme_renderer keeps about the same) and
// nothing that can run code, submit data, load active content or paint over the console.
const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const allowedTags = [
  ...headings,
  'p', 'br', 'hr', 'a', 'img', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'span',
  'div', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'kbd', 'abbr', 'cite', 'q',
  'small', 'mark', 'tt', 'var', 'samp', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'details', 'summary', 'figure', 'figcaption', 'input',
];

// Classes are limited to the highlighter's and the renderer's own: a class from the console's stylesheet
// (a fixed, full-screen overlay, say) would otherwise let a description restyle the page around it.
const codeClasses = ['hljs', 'hljs-*', 'language-*'];
const allowedClasses: Record<string, string[]> = {
  code: codeClasses,
  span: codeClasses,
  pre: codeClasses,
  div: ['admonition', 'admonition-*', 'rst-*'],
  p: ['admonition-title'],
  dl: ['rst-fields', 'rst-options'],
};

const linkRel = 'nofollow noopener noreferrer';

// A description sits under the page's own h1 and its "Description" h2, so its headings move down two
// levels (h1 -> h3, ..., capped at h6): the page keeps exactly one h1 and a heading order without gaps.
const headingShift = 2;
const demotedHeadings = Object.fromEntries(
  headings.map((tag, level) => [tag, (_tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName: `h${Math.min(level + 1 + headingShift, 6)}`, attribs })]),
);

// Bidirectional overrides let an uploader make `evil.exe` read as `exe.live`; no README needs them.
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

// A relative URL would resolve against the console's own origin (and its API); only absolute URLs and
// in-page fragments are kept.
function withoutRelative(attribs: sanitizeHtml.Attributes, key: string): sanitizeHtml.Attributes {
  const value = attribs[key]?.trim();
  if (value === undefined || /^(https?:|mailto:)/i.test(value) || (key === 'href' && value.startsWith('#'))) return attribs;
  const { [key]: _dropped, ...rest } = attribs;
  return rest;
}

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start', 'type'],
    li: ['value'],
    abbr: ['title'],
    input: ['type', 'checked', 'disabled'],
    '*': ['class'],
  },
  allowedClasses,
  // No `data:` even for images: a data: SVG opened in its own tab runs script, and nothing a README
  // shows needs an inline image that an https URL cannot serve.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The text inside these must vanish along with the tag, not show up as loose words.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'template', 'iframe', 'object', 'embed', 'title', 'select', 'button'],
  allowedIframeHostnames: [],
  transformTags: {
    ...demotedHeadings,
    a: (tagName, attribs) => ({ tagName, attribs: { ...withoutRelative(attribs, 'href'), rel: linkRel } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...withoutRelative(attribs, 'src'), loading: 'lazy', referrerpolicy: 'no-referrer' } }),
    // GFM task lists are the only inputs a README has; anything else would be a form control.
    input: (tagName, attribs) =>
      attribs.type === 'checkbox'
        ? { tagName, attribs: { type: 'checkbox', disabled: '', ...(attribs.checked === undefined ? {} : { checked: '' }) } }
        : { tagName: 'span', attribs: {}, text: '' },
  },
  exclusiveFilter: (frame) => (frame.tag === 'img' && !frame.attribs.src) || (frame.tag === 'a' && !frame.attribs.href && frame.text.trim() === ''),
  textFilter: (text) => text.replace(bidiControls, ''),
};

// `loading` and `referrerpolicy` are added by transformTags after the attribute filter ran once, so
// they are allowed here explicitly (and only with those fixed values).
const imgExtra = { img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'referrerpolicy'], a: ['href', 'title', 'rel'] };

/** Sanitises rendered description HTML with a strict allowlist; the result is safe to inject. */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, { ...options, allowedAttributes: { ...options.allowedAttributes, ...imgExtra } });
}
