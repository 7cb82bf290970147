import hljs from 'highlight.js/lib/common';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Descriptions may ask for any language name; only names highlight.js knows are used, so the class
// attribute can never carry words from the description.
function knownLanguage(lang: string | undefined): string | undefined {
  const name = lang?.trim().toLowerCase().split(/\s+/)[0];
  if (!name) return undefined;
  const language = hljs.getLanguage(name);
  return language ? name.replace(/[^a-z0-9+#-]/g, '') : undefined;
}

/** Renders a code block as `<pre><code>` with highlight.js markup when the language is known. */
export function highlightBlock(code: string, lang: string | undefined): string {
  const language = knownLanguage(lang);
  if (!language) return `<pre><code>${escapeHtml(code)}</code></pre>`;
  const { value } = hljs.highlight(code, { language, ignoreIllegals: true });
  return `<pre><code class="hljs language-${language}">${value}</code></pre>`;
}
