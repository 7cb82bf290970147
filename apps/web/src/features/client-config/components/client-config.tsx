import { DEVPI_DOCS_URL } from '../../../components/layout/sidebar';
import { CopyButton } from '../../../components/ui/copy-button';
import { clientSnippets, indexUrls, tokenSnippets, type SnippetInput, type TokenCredential } from '../lib/snippets';
import './client-config.css';

/**
 * Every way to point a Python tool at this index, with the public URL filled in; with a `credential`
 * (a devpi-tokens token) the tools that need one are set up with it instead of a password.
 */
export function ClientConfig(props: SnippetInput & { credential?: TokenCredential | undefined }) {
  const { simpleUrl, insecure, host } = indexUrls(props);
  const snippets = props.credential === undefined ? clientSnippets(props) : tokenSnippets({ ...props, credential: props.credential });
  return (
    <div className="client-config">
      <p>
        Simple index URL: <code>{simpleUrl}</code> <CopyButton text={simpleUrl} label="Copy the simple index URL" />
      </p>
      {insecure && (
        <p className="muted">
          devpi is reached over plain http here, so pip needs <code>trusted-host = {host}</code>. Serve it over https to drop that.
        </p>
      )}
      <p className="muted">
        Every option of these tools against devpi is described in <a href={DEVPI_DOCS_URL} target="_blank" rel="noreferrer">devpi’s documentation</a>.
      </p>
      <nav aria-label="Client tools" className="client-config-toc">
        {snippets.map((snippet) => <a key={snippet.id} href={`#snippet-${snippet.id}`}>{snippet.title}</a>)}
      </nav>
      {snippets.map((snippet) => (
        <section key={snippet.id} id={`snippet-${snippet.id}`} className="card snippet" aria-labelledby={`snippet-${snippet.id}-title`}>
          <div className="card-header">
            <div>
              <h2 id={`snippet-${snippet.id}-title`}>{snippet.title}</h2>
              <p className="muted snippet-where">{snippet.where}</p>
            </div>
            <CopyButton text={snippet.text} label={`Copy ${snippet.title}`} />
          </div>
          <pre className="code-block snippet-code" tabIndex={0}>{snippet.text}</pre>
        </section>
      ))}
    </div>
  );
}
