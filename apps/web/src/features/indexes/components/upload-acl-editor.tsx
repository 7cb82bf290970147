import { ANONYMOUS, AUTHENTICATED, principalKind } from '@devpi-dashboard/devpi-client';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/errors';
import { useAclChange, type AclChange, type AclKey } from '../api/acl';
import './acl-editor.css';

const KINDS = ['user', 'authenticated', 'anonymous', 'group'] as const;
type Kind = (typeof KINDS)[number];

const KIND_LABELS: Record<Kind, string> = {
  user: 'A user',
  authenticated: 'Any signed-in user (:AUTHENTICATED:)',
  anonymous: 'Anyone, even without signing in (:ANONYMOUS:)',
  group: 'A group from an auth plugin (:group)',
};

export function describePrincipal(principal: string): string {
  switch (principalKind(principal)) {
    case 'anonymous': return 'anyone, even without signing in';
    case 'authenticated': return 'any signed-in user';
    case 'group': return `members of the group ${principal.slice(1)}`;
    default: return `the user ${principal}`;
  }
}

function principalFrom(kind: Kind, text: string): string {
  if (kind === 'anonymous') return ANONYMOUS;
  if (kind === 'authenticated') return AUTHENTICATED;
  if (kind === 'group') return `:${text.trim().replace(/^:/, '')}`;
  return text.trim();
}

/** Edits one ACL of a stage; every click is one list operation sent at once. */
export function UploadAclEditor({ user, index, aclKey, entries, userNames, label }: { user: string; index: string; aclKey: AclKey; entries: string[]; userNames: string[]; label: string }) {
  const change = useAclChange(user, index, aclKey);
  const id = useId();
  const [kind, setKind] = useState<Kind>('user');
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<{ change: AclChange; message: string }>();
  // A user name devpi does not know grants nothing; it is only sent after a second, deliberate click.
  const [unknown, setUnknown] = useState<string>();
  const [removed, setRemoved] = useState<string>();
  const noun = aclKey === 'acl_upload' ? 'uploader' : 'test result uploader';
  const needsText = kind === 'user' || kind === 'group';

  function send(next: AclChange) {
    setFailure(undefined);
    setRemoved(undefined);
    change.mutate(next, {
      onError: (error) => setFailure({ change: next, message: describeError(error) }),
      onSuccess: () => { if (next.action === 'remove') setRemoved(next.principal); },
    });
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const principal = principalFrom(kind, text);
    if (needsText && !text.trim()) return setFailure({ change: { action: 'add', principal: '' }, message: kind === 'group' ? 'Enter the group name.' : 'Enter a user name.' });
    if (entries.includes(principal)) return setFailure({ change: { action: 'add', principal }, message: `${principal} is already in the list.` });
    if (kind === 'user' && !userNames.includes(principal) && unknown !== principal) return setUnknown(principal);
    setUnknown(undefined);
    send({ action: 'add', principal });
    setText('');
  }

  const addFailed = failure?.change.action === 'add' ? failure.message : undefined;
  return (
    <div className="acl-editor">
      <h2 id={`${id}-title`}>{label}</h2>
      {entries.length === 0 ? (
        <Alert tone="warning">Nobody may {aclKey === 'acl_upload' ? 'upload to' : 'upload test results to'} this index.</Alert>
      ) : (
        <ul className="acl-entries" aria-labelledby={`${id}-title`}>
          {entries.map((principal) => {
            const removeFailed = failure?.change.action === 'remove' && failure.change.principal === principal ? failure.message : undefined;
            const kindOf = principalKind(principal);
            return (
              <li key={principal} className="acl-entry">
                <span className="mono acl-principal">{principal}</span>
                <span className="muted acl-meaning">{describePrincipal(principal)}</span>
                {kindOf === 'anonymous' && aclKey === 'acl_upload' && <Badge tone="danger">world-writable</Badge>}
                <Button size="sm" variant="ghost" aria-label={`Remove ${noun} ${principal}`} onClick={() => send({ action: 'remove', principal })}>Remove</Button>
                {removeFailed && <p className="field-error acl-entry-error" role="alert">Could not remove {principal}: {removeFailed}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <form className="acl-add" onSubmit={add} noValidate aria-label={`Add ${noun}`}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Who</label>
          <select id={`${id}-kind`} className="input" value={kind} onChange={(event) => setKind(KINDS.find((value) => value === event.target.value) ?? 'user')}>
            {KINDS.map((value) => <option key={value} value={value}>{KIND_LABELS[value]}</option>)}
          </select>
        </div>
        {needsText && (
          <div className="field">
            <label htmlFor={`${id}-name`}>{kind === 'group' ? 'Group name' : 'User name'}</label>
            <input id={`${id}-name`} className="input" value={text} onChange={(event) => setText(event.target.value)} list={kind === 'user' ? `${id}-users` : undefined} autoComplete="off" aria-invalid={addFailed ? true : undefined} aria-describedby={addFailed ? `${id}-error` : undefined} />
            <datalist id={`${id}-users`}>
              {userNames.filter((name) => !entries.includes(name)).map((name) => <option key={name} value={name} />)}
            </datalist>
          </div>
        )}
        <Button type="submit" variant="primary" busy={change.isPending && change.variables?.action === 'add'}>{unknown !== undefined && unknown === text.trim() ? `Add ${noun} anyway` : `Add ${noun}`}</Button>
      </form>
      {addFailed && <p className="field-error" id={`${id}-error`} role="alert">{addFailed}</p>}
      {unknown !== undefined && unknown === text.trim() && (
        <Alert tone="warning" title={`devpi has no user called ${unknown}`}>
          <p>The entry would grant nothing until such a user exists. Check the spelling, or click “Add {noun} anyway”.</p>
        </Alert>
      )}
      {removed !== undefined && !entries.includes(removed) && (
        <p className="acl-undo" role="status">
          Removed <span className="mono">{removed}</span>.{' '}
          <Button size="sm" variant="ghost" onClick={() => send({ action: 'add', principal: removed })}>Undo</Button>
        </p>
      )}
    </div>
  );
}
