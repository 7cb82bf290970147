import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { describeError } from '../../../lib/errors';
import { explainQueryOptions } from '../api/permissions';
import './permissions.css';

/** "Why can't X upload to Y?", answered in plain words with what would fix it. */
export function ExplainUpload({ user, index, indexNames, userNames, onAsk }: { user: string; index: string; indexNames: string[]; userNames: string[]; onAsk: (user: string, index: string) => void }) {
  const id = useId();
  const [who, setWho] = useState(user);
  const [where, setWhere] = useState(index || indexNames[0] || '');
  const answer = useQuery(explainQueryOptions(user, index));

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (who.trim() && where) onAsk(who.trim(), where);
  }

  return (
    <div className="explain">
      <form className="explain-form" onSubmit={ask} aria-label="Why can't this user upload">
        <div className="field">
          <label htmlFor={`${id}-user`}>User</label>
          <input id={`${id}-user`} className="input" value={who} onChange={(event) => setWho(event.target.value)} list={`${id}-users`} placeholder="alice or :ANONYMOUS:" autoComplete="off" />
          <datalist id={`${id}-users`}>
            <option value=":ANONYMOUS:" />
            {userNames.map((name) => <option key={name} value={name} />)}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-index`}>Index</label>
          <select id={`${id}-index`} className="input" value={where} onChange={(event) => setWhere(event.target.value)}>
            {indexNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={!who.trim() || !where}>Explain upload permission</Button>
      </form>
      {user && index && (
        answer.isPending ? <Loading label="Checking" />
          : answer.error ? <Alert tone="error">{describeError(answer.error)}</Alert>
            : (
              <div className={`verdict ${answer.data.allowed ? 'verdict-yes' : 'verdict-no'}`} role="status">
                <p><strong>{answer.data.allowed ? `${answer.data.user} can upload to ${answer.data.index}.` : `${answer.data.user} cannot upload to ${answer.data.index}.`}</strong></p>
                <p>{answer.data.explanation}</p>
                {!answer.data.userExists && <p>There is no user called {answer.data.user}.</p>}
                {answer.data.remedies.length > 0 && (
                  <>
                    <p>What would change it:</p>
                    <ul>{answer.data.remedies.map((remedy) => <li key={remedy}>{remedy}</li>)}</ul>
                  </>
                )}
                <p className="muted">acl_upload: <span className="mono">{answer.data.aclUpload.join(', ') || 'empty'}</span></p>
              </div>
            )
      )}
    </div>
  );
}
