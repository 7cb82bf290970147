// devpi-web 5.0.1's page frame, as recorded in the transcripts, so the HTML pages carry the same links.
import { escapeHtml } from './html-escape.js';

export const WEB_VERSION = '5.0.1';
export const SERVER_VERSION = '6.19.1';

/** devpi-web's search syntax help, shown in the header and on /+searchhelp. */
export const SEARCH_HELP = `<p>
                To specify a term which contains spaces, use single quotes like this:
                <code>'term with spaces'</code></p>
<p>
                By using a search like <code>fieldname:term</code>,
                you can search in the following fields:<br /><dl><dt><code>classifiers</code></dt><dd>
                The <a href="https://pypi.org/pypi?%3Aaction=list_classifiers" target="_blank">trove classifiers</a> of a package.
                Use single quotes to specify a classifier, as they contain spaces:
                <code>classifiers:'Programming Language :: Python :: 3'</code></dd><dt><code>index</code></dt><dd>The name of the index. This is only the name part, without the user. For example: <code>index:pypi</code></dd><dt><code>keywords</code></dt><dd>The keywords of a package.</dd><dt><code>name</code></dt><dd>The package name. For example: <code>name:devpi-client</code></dd><dt><code>path</code></dt><dd>The path of the package in the form '/{user}/{index}/{name}'.  For example: <code>path:/root/pypi/devpi-server</code></dd><dt><code>serial</code></dt><dd>Undocumented</dd><dt><code>type</code></dt><dd>
                The type of text.
                One of <code>project</code> for the project name,
                <code>title</code> for the title of a documentation page,
                <code>page</code> for a documentation page,
                or one of the following project metadata fields:
                <code>author</code>, <code>author_email</code>,
                <code>description</code>, <code>keywords</code>,
                <code>summary</code>. For example: <code>type:page</code>
                </dd><dt><code>user</code></dt><dd>The user name.</dd></dl></p>
<p>
                End a term with an asterisk to search by prefix like this: <code>path:/fschulze/*</code></p>
<p>
                Group query clauses with parentheses.</p>
<p>
                Use the <code>AND</code>, <code>OR</code>,
                <code>ANDNOT</code>, <code>ANDMAYBE</code>, and <code>NOT</code><br />
                operators to further refine your search.<br />
                Write them in all capital letters, otherwise they will be interpreted as search terms.<br />
                An example search would be: <code>devpi ANDNOT client</code></p>
<p>
                Boost a term by adding a circumflex followed by the boost value like this:
                <code>term^2</code></p>`;

export interface Crumbs { user?: string | undefined; index?: string | undefined; project?: string | undefined; version?: string | undefined }

function navigation(base: string, crumbs: Crumbs): string {
  const spans = [`<span>\n    <a href="${base}/">devpi</a>\n</span>`];
  const add = (path: string, label: string): void => {
    spans.push(`<span>\n    <a href="${base}/${path}">${escapeHtml(label)}</a>\n</span>`);
  };
  if (crumbs.user) {
    add(crumbs.user, crumbs.user);
    if (crumbs.index) {
      add(`${crumbs.user}/${crumbs.index}`, crumbs.index);
      if (crumbs.project) {
        add(`${crumbs.user}/${crumbs.index}/${crumbs.project}`, crumbs.project);
        if (crumbs.version) add(`${crumbs.user}/${crumbs.index}/${crumbs.project}/${crumbs.version}`, crumbs.version);
      }
    }
  }
  return spans.join('\n');
}

export interface PageParts { base: string; title?: string | undefined; crumbs?: Crumbs; body: string; afterHeader?: string; scripts?: string; headScripts?: string[]; query?: string }

/** A full devpi-web page: head, search header with help, breadcrumb navigation, content and footer. */
export function webPage(parts: PageParts): string {
  const { base } = parts;
  const titleTag = parts.title === undefined ? '' : `        <title>${escapeHtml(parts.title)}</title>\n`;
  return `<!doctype html>
<html>
    <head>
${titleTag}        <link rel="icon" type="image/x-icon" href="${base}/+static-${WEB_VERSION}/favicon.ico" />

    <link rel="stylesheet" type="text/css" href="${base}/+static-${WEB_VERSION}/style.css" />



    <script src="${base}/+static-${WEB_VERSION}/jquery-3.6.0.min.js"></script>

    <script src="${base}/+static-${WEB_VERSION}/common.js"></script>

    <script src="${base}/+static-${WEB_VERSION}/search.js"></script>

${(parts.headScripts ?? []).map((js) => `\n        <script src="${base}/+static-${WEB_VERSION}/${js}"></script>`).join('')}
    </head>
    <body>
        <div class="header">
    <form method="get" id="search" action="${base}/+search">
    <h1><a href="${base}/">devpi</a></h1>
    <input type="text" size="60" name="query" autofocus${parts.query === undefined ? '' : ` value="${escapeHtml(parts.query)}"`} />
    <input type="submit" value="Search" />
    <span class="help">
        <a href="${base}/+searchhelp">How to<br /> search?</a>
    </span>
    <div class="query_doc inline" style="display: none">
        <span class="help">
            <a href="#">Close help</a>
        </span>
        ${SEARCH_HELP}
    </div>
</form>
    <div id="navigation">
        ${navigation(base, parts.crumbs ?? {})}
        <a class="statusbadge ok"
   href="${base}/+status">
    ok
</a>
    </div>
    ${parts.afterHeader ?? ''}
</div>
${parts.body}
        <footer>
    
    <ul class="footer-versions">
    <li>devpi-server-${SERVER_VERSION}</li>
    <li>devpi-web-${WEB_VERSION}</li>
</ul>
</footer>${parts.scripts ?? ''}
    </body>
</html>
`;
}

/** devpi-web's not-found page. */
export function notFoundPage(base: string, crumbs: Crumbs, message: string): string {
  return webPage({
    base,
    title: 'devpi - Not Found',
    crumbs,
    body: `        <div id="content">
            <h1>Not Found</h1>
            <p>The following resource could not be found:</p>
            <p>${escapeHtml(message)}</p>
        </div>`,
  });
}

/** devpi-web's generic error page. */
export function errorPage(base: string, crumbs: Crumbs, status: string, title: string, message: string): string {
  return webPage({
    base,
    title: `devpi - ${title}`,
    crumbs,
    body: `        <div id="content">
            <h1>Error</h1>
            <p>An error has occurred: <strong>${escapeHtml(status)}</strong></p>
            <p>${escapeHtml(message)}</p>
        </div>`,
  });
}
