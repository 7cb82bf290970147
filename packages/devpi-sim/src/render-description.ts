// A small renderer for long descriptions, enough for devpi-web's description block in the demo.
import { escapeHtml as e } from './html-escape.js';

function inline(text: string): string {
  return e(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
}

function renderMarkdown(src: string): string {
  const out: string[] = [];
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  let para: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    if (list.length) out.push(`<ul>${list.map((li) => `<li>${inline(li)}</li>`).join('')}</ul>`);
    para = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) code.push(lines[i] ?? '');
      out.push(`<pre><code>${e(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      flush();
      const level = line.indexOf(' ');
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
    } else if (/^[-*] /.test(line)) {
      if (para.length) flush();
      list.push(line.slice(2));
    } else if (!line.trim()) flush();
    else para.push(line.trim());
  }
  flush();
  return out.join('\n');
}

function renderRst(src: string): string {
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push(`<p>${inline(para.join(' ').replace(/``([^`]+)``/g, '`$1`'))}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (line.trim() && /^([=\-~^"])\1+$/.test(next.trim()) && next.trim().length >= line.trim().length) {
      flush();
      out.push(`<h${next.trim()[0] === '=' ? 1 : 2}>${inline(line.trim())}</h${next.trim()[0] === '=' ? 1 : 2}>`);
      i++;
    } else if (!line.trim()) flush();
    else para.push(line.trim());
  }
  flush();
  return out.join('\n');
}

/** HTML for a long description by its content type (Markdown, reST, or plain text). */
export function renderDescription(text: string, contentType: string): string {
  if (contentType.startsWith('text/markdown')) return renderMarkdown(text);
  if (contentType.startsWith('text/plain')) return `<pre>${e(text)}</pre>`;
  return renderRst(text);
}
