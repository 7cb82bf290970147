import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderDescription } from './description.js';

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), 'hostile-corpus');
const entries = readdirSync(corpusDir).filter((f) => /\.(md|rst)$/.test(f)).sort();

const allowedTags = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'a', 'img', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'code', 'span', 'div', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub',
  'sup', 'kbd', 'abbr', 'cite', 'q', 'small', 'mark', 'tt', 'var', 'samp', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'caption', 'details', 'summary', 'figure', 'figcaption', 'input',
]);
const allowedClass = /^(hljs(-[\w-]+)?|language-[\w+#-]+|admonition(-[\w-]+)?|rst-[\w-]+)$/;
const safeUrl = /^(https?:\/\/|mailto:|#)/i;
const bidi = /[\u202A-\u202E\u2066-\u2069]/;

interface Finding { tag: string; problem: string }

/** Parses rendered HTML the way a browser tokenises it and lists everything that could act. */
function inspect(html: string): { findings: Finding[]; tags: string[]; text: string } {
  const findings: Finding[] = [];
  const tags: string[] = [];
  let text = '';
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        tags.push(tag);
        if (!allowedTags.has(tag)) findings.push({ tag, problem: 'tag not allowed' });
        // The page's h1 and its "Description" h2 come first; a description's own h1/h2 would pose as them.
        if (tag === 'h1' || tag === 'h2') findings.push({ tag, problem: 'heading outranks the page' });
        for (const [name, value] of Object.entries(attribs)) {
          if (/^on/i.test(name)) findings.push({ tag, problem: `handler ${name}` });
          if (name === 'style' || name === 'srcset' || name === 'formaction' || name === 'background') findings.push({ tag, problem: name });
          if ((name === 'href' || name === 'src') && !safeUrl.test(value)) findings.push({ tag, problem: `${name}=${value}` });
          if (name === 'src' && !/^https?:\/\//i.test(value)) findings.push({ tag, problem: `image ${value}` });
          if (name === 'class') for (const c of value.split(/\s+/).filter(Boolean)) if (!allowedClass.test(c)) findings.push({ tag, problem: `class ${c}` });
          if (name === 'id' || name === 'name') findings.push({ tag, problem: `${name} can clobber the page's DOM` });
        }
        if (tag === 'a' && attribs.rel !== 'nofollow noopener noreferrer') findings.push({ tag, problem: 'link without rel' });
        if (tag === 'input' && (attribs.type !== 'checkbox' || attribs.disabled === undefined)) findings.push({ tag, problem: 'live form control' });
      },
      ontext(t) {
        text += t;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (bidi.test(text)) findings.push({ tag: '#text', problem: 'bidi override left in text' });
  return { findings, tags, text };
}

describe('hostile description corpus', () => {
  it('has entries in both formats', () => {
    expect(entries.filter((e) => e.endsWith('.md')).length).toBeGreaterThanOrEqual(5);
    expect(entries.filter((e) => e.endsWith('.rst')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(entries)('%s renders harmlessly', (entry) => {
    const source = readFileSync(join(corpusDir, entry), 'utf8');
    const type = entry.endsWith('.md') ? 'text/markdown' : 'text/x-rst';
    const { html } = renderDescription(source, type);
    const { findings, tags, text } = inspect(html);
    expect(findings).toEqual([]);
    // The harmless part still renders, so the corpus is not passing by emptiness. (A lone rST title
    // becomes the document title and is not shown, as in readme_renderer, so rST files may have no heading.)
    expect(tags).toContain(entry.endsWith('.md') ? 'h3' : 'p');
    expect(text.length).toBeGreaterThan(10);
  });

  it('flags what the sanitiser is there to remove', () => {
    // Guards the inspector itself: unsanitised hostile HTML must produce findings.
    const { findings } = inspect('<h1>x</h1><a href="javascript:x" onclick="y" style="z">a</a><svg></svg><img src="data:x">');
    expect(findings.map((f) => f.problem)).toEqual(
      expect.arrayContaining(['heading outranks the page', 'handler onclick', 'style', 'href=javascript:x', 'link without rel', 'tag not allowed', 'image data:x']),
    );
  });

  it('keeps markup escaped when the description is plain text', () => {
    const { html } = renderDescription('<script>alert(1)</script>', 'text/plain');
    expect(html).toBe('<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>');
  });
});
