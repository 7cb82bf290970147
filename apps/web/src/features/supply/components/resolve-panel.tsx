import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ResolveAnswer } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { describeError } from '../../../lib/errors';
import { resolveQueryOptions } from '../api/guard';

const stateTone = { serves: 'success', shadowed: 'neutral', blocked: 'warning', absent: 'neutral', missing: 'danger', unreadable: 'danger' } as const;

function Answer({ answer }: { answer: ResolveAnswer }) {
  return (
    <div className="resolve-answer">
      <Alert tone={answer.pick ? 'success' : 'warning'} title={answer.pick ? `pip picks ${answer.pick.filename}` : 'pip finds nothing'}>
        <p>{answer.message}</p>
        {answer.pick && <p className="mono resolve-url">{answer.pick.url}</p>}
        <p className="muted">Assumes {answer.assumes.tags}.</p>
      </Alert>
      <h3>devpi's order on {answer.index}</h3>
      <ol className="resolve-steps">
        {answer.steps.map((s) => (
          <li key={s.index}>
            <div className="resolve-step-head"><span className="mono">{s.index}</span> <Badge tone={stateTone[s.state]}>{s.state}</Badge> <span className="muted">{s.type}</span></div>
            <p className="muted">{s.note}</p>
            {s.versions.length > 0 && (
              <ul className="resolve-versions">
                {s.versions.map((v) => (
                  <li key={v.version}>
                    <span className="mono">{v.version}</span>{' '}
                    {v.files.map((f) => (
                      <span key={f.filename} className={`mono resolve-file${f.shadowedBy ? ' resolve-shadowed' : ''}`} title={f.shadowedBy ? `shadowed by ${f.shadowedBy}` : undefined}>
                        {f.filename}{f.shadowedBy ? ` (shadowed by ${f.shadowedBy})` : ''}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h3>Files on the simple page pip reads</h3>
      <ul className="resolve-files">
        {answer.files.map((f) => (
          <li key={f.filename} className={f.filename === answer.pick?.filename ? 'resolve-picked' : undefined}>
            <span className="mono">{f.filename}</span> <span className="muted">from {f.servedBy}</span>{' '}
            {f.filename === answer.pick?.filename ? <Badge tone="success">picked</Badge> : f.excluded ? <span className="muted">— {f.excluded}</span> : <span className="muted">— candidate, lower preference</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Resolve project P on index I": devpi's order, shadowing, whitelist blocks and pip's pick. */
export function ResolvePanel({ indexes, index, requirement, onChange }: { indexes: string[]; index: string; requirement: string; onChange: (index: string, requirement: string, pre: boolean) => void }) {
  const selectId = useId();
  const [draftIndex, setDraftIndex] = useState(index || indexes[0] || '');
  const [draft, setDraft] = useState(requirement);
  const [pre, setPre] = useState(false);
  const [asked, setAsked] = useState({ index: index || indexes[0] || '', requirement, pre: false });
  const result = useQuery(resolveQueryOptions(asked.index, asked.requirement, asked.pre));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ index: draftIndex, requirement: draft.trim(), pre });
    onChange(draftIndex, draft.trim(), pre);
  };
  return (
    <>
      <form className="resolve-form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={selectId}>Resolve on index</label>
          <select id={selectId} value={draftIndex} onChange={(e) => setDraftIndex(e.target.value)}>
            {indexes.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <TextField label="Requirement" hint="As pip takes it, e.g. acme-widgets>=2,<3" value={draft} onChange={(e) => setDraft(e.target.value)} required maxLength={600} />
        <label className="resolve-pre"><input type="checkbox" checked={pre} onChange={(e) => setPre(e.target.checked)} /> Include pre-releases (pip --pre)</label>
        <Button type="submit" variant="primary">Resolve</Button>
      </form>
      {result.isFetching && <p className="muted" role="status">Asking devpi…</p>}
      {result.error && <Alert tone="error" title="Cannot resolve that">{describeError(result.error)}</Alert>}
      {result.data && <Answer answer={result.data} />}
    </>
  );
}
