import type { VersionView } from '@devpi-dashboard/dashboard-api';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { splitIndex } from '../lib/params';
import './packages.css';

function Person({ name, email }: { name: string | undefined; email: string | undefined }) {
  if (!name && !email) return <span className="muted">not given</span>;
  return email ? <a href={`mailto:${email}`}>{name ?? email}</a> : <>{name}</>;
}

/** Core metadata: people, license, URLs, Python requirement, dependencies, classifiers. */
export function MetadataCard({ view }: { view: VersionView }) {
  const [user, index] = splitIndex(view.index);
  const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);
  const home = safeUrl(view.homePage);
  return (
    <Card title="Metadata" className="metadata">
      <dl className="definition-list">
        <dt>Author</dt>
        <dd><Person name={view.author} email={view.authorEmail} /></dd>
        {(view.maintainer || view.maintainerEmail) && (<><dt>Maintainer</dt><dd><Person name={view.maintainer} email={view.maintainerEmail} /></dd></>)}
        <dt>License</dt>
        <dd>{view.license ?? <span className="muted">not given</span>}</dd>
        <dt>Requires Python</dt>
        <dd className="mono">{view.requiresPython ?? <span className="muted">any</span>}</dd>
        {home && (<><dt>Homepage</dt><dd><a href={home} rel="nofollow noopener noreferrer">{home}</a></dd></>)}
        {view.projectUrls.map((u) => (
          <Fragment key={u.url}>
            <dt>{u.label}</dt>
            <dd><a href={u.url} rel="nofollow noopener noreferrer">{u.url}</a></dd>
          </Fragment>
        ))}
        {view.keywords.length > 0 && (<><dt>Keywords</dt><dd>{view.keywords.join(', ')}</dd></>)}
      </dl>
      <h3>Dependencies</h3>
      {view.requiresDist.length === 0 ? (
        <p className="muted">None declared.</p>
      ) : (
        <ul className="deps" aria-label="Dependencies">
          {view.requiresDist.map((d) => (
            <li key={d.raw}>
              {d.onIndex ? <Link to={paths.packages.project.to(user, index, d.name)}>{d.name}</Link> : d.name}
              {d.raw.slice(d.name.length)}
            </li>
          ))}
        </ul>
      )}
      {view.classifiers.length > 0 && (
        <>
          <h3>Classifiers</h3>
          <ul className="classifiers">{view.classifiers.map((c) => <li key={c}>{c}</li>)}</ul>
        </>
      )}
    </Card>
  );
}
