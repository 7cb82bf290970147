import { describe, expect, it } from 'vitest';
import { descriptionFormat, renderDescription } from './description.js';

const rst = (s: string) => renderDescription(s, 'text/x-rst').html;

describe('descriptionFormat', () => {
  it('follows Description-Content-Type and defaults to rST like readme_renderer', () => {
    expect(descriptionFormat('text/markdown; charset=UTF-8; variant=GFM')).toBe('markdown');
    expect(descriptionFormat('text/plain')).toBe('text');
    expect(descriptionFormat('text/x-rst')).toBe('rst');
    expect(descriptionFormat(undefined)).toBe('rst');
  });
});

describe('reStructuredText', () => {
  it("numbers section levels by order of appearance, below the page's h1 and h2", () => {
    expect(rst('Title\n=====\n\nSub\n---\n\nOther\n=====\n')).toBe('<h3>Title</h3><h4>Sub</h4><h3>Other</h3>');
  });

  it('renders inline markup, references and targets', () => {
    const html = rst('*a* **b** ``c`` `d <https://d.example>`_ e_ :code:`f`\n\n.. _e: https://e.example\n');
    expect(html).toBe(
      '<p><em>a</em> <strong>b</strong> <code>c</code> <a href="https://d.example" rel="nofollow noopener noreferrer">d</a> ' +
        '<a href="https://e.example" rel="nofollow noopener noreferrer">e</a> <code>f</code></p>',
    );
  });

  it('renders nested lists, enumerations and field lists', () => {
    expect(rst('- a\n\n  - b\n- c\n')).toBe('<ul><li><p>a</p><ul><li>b</li></ul></li><li>c</li></ul>');
    expect(rst('3. x\n4. y\n')).toBe('<ol start="3"><li>x</li><li>y</li></ol>');
    expect(rst(':Author: Alice\n')).toBe('<dl class="rst-fields"><dt>Author:</dt><dd>Alice</dd></dl>');
  });

  it('renders literal blocks and highlights code-block directives', () => {
    expect(rst('Example::\n\n    <b>x</b>\n')).toBe('<p>Example:</p><pre>&lt;b&gt;x&lt;/b&gt;</pre>');
    expect(rst('.. code-block:: python\n\n   import os\n')).toContain('<code class="hljs language-python"><span class="hljs-keyword">import</span> os</code>');
  });

  it('renders image substitutions, admonitions and simple tables', () => {
    const html = rst('.. |b| image:: https://i.example/b.svg\n   :target: https://ci.example\n\n|b|\n\n.. warning:: Careful\n\n== ==\na  b\n== ==\n');
    expect(html).toContain('<a href="https://ci.example" rel="nofollow noopener noreferrer"><img src="https://i.example/b.svg" alt="b"');
    expect(html).toContain('<div class="admonition admonition-warning"><p class="admonition-title">Warning</p><p>Careful</p></div>');
    expect(html).toContain('<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>');
  });

  it('drops raw and include directives as readme_renderer does', () => {
    expect(rst('.. raw:: html\n\n   <b>x</b>\n\n.. include:: /etc/passwd\n\nafter\n')).toBe('<p>after</p>');
  });
});

describe('Markdown', () => {
  it('demotes headings two levels so the page keeps its one h1, capped at h6 (raw HTML too)', () => {
    const { html } = renderDescription('# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n<h1>Raw</h1>\n', 'text/markdown');
    expect(html).toBe('<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Five</h6>\n<h3>Raw</h3>\n');
  });

  it('renders GFM with highlighted fences and tables', () => {
    const { html } = renderDescription('```js\nconst a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 'text/markdown');
    expect(html).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<td>1</td>');
  });

  it('keeps an unknown fence language out of the class attribute', () => {
    const { html } = renderDescription('```x" onclick="y\ncode\n```\n', 'text/markdown');
    expect(html).toBe('<pre><code>code</code></pre>');
  });
});
