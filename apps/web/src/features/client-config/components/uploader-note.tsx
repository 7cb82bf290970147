import { Alert } from '../../../components/ui/alert';
import { DEVPI_DOCS_URL } from '../../../components/layout/sidebar';
import type { UploaderChoice } from '../lib/uploader';

/** Says whose name the upload snippets carry and, when it is not yours, how to get their rights. */
export function UploaderNote({ choice, index, signedIn }: { choice: UploaderChoice; index: string; signedIn: string | null }) {
  const docs = <a href={DEVPI_DOCS_URL} target="_blank" rel="noreferrer">devpi’s documentation</a>;
  if (choice.isCurrentUser) {
    return <p className="muted">The upload snippets use your account, <strong className="name-clip" title={choice.uploader ?? ''}>{choice.uploader}</strong>, which may upload to {index}. See {docs} for the rest.</p>;
  }
  const who = [...choice.listed, ...choice.groups];
  return (
    <Alert tone="info" title={signedIn ? `${signedIn} may not upload to ${index}` : `Sign in to upload to ${index}`}>
      <p>
        {who.length === 0 ? 'Nobody is listed in this index’s acl_upload, so no snippet below can upload until the owner adds someone.' : <>Only these may upload (acl_upload): <span className="mono">{who.join(', ')}</span>. The snippets name <strong>{choice.uploader ?? 'YOUR-DEVPI-USER'}</strong>.</>}
      </p>
      <p>
        Ask the index owner to add you, or have an uploader give you a token: with the devpi-tokens plugin they run <code>devpi token-create</code> and you use
        the token as the password. See {docs}.
      </p>
    </Alert>
  );
}
