import { useState, type FormEvent } from 'react';
import { historyActions, type HistoryFilter } from '@devpi-dashboard/dashboard-api';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { toLocalInput } from './history-filter';

type Draft = Record<'actor' | 'action' | 'index' | 'user' | 'project' | 'outcome' | 'from' | 'to', string>;

function draftOf(filter: HistoryFilter): Draft {
  return {
    actor: filter.actor ?? '',
    action: filter.action ?? '',
    index: filter.index ?? '',
    user: filter.user ?? '',
    project: filter.project ?? '',
    outcome: filter.outcome ?? '',
    from: toLocalInput(filter.from),
    to: toLocalInput(filter.to),
  };
}

/** The History screen's filters; applied together, so the server pages one query. */
export function HistoryFilters({ filter, onApply }: { filter: HistoryFilter; onApply: (params: Record<string, string>) => void }) {
  const [draft, setDraft] = useState(() => draftOf(filter));
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(draft)) {
      if (!value.trim()) continue;
      params[key] = key === 'from' || key === 'to' ? new Date(value).toISOString() : value.trim();
    }
    onApply(params);
  };
  return (
    <form className="history-filters" onSubmit={submit} aria-label="Filter the history">
      <TextField label="Actor" value={draft.actor} onChange={set('actor')} placeholder="devpi user" />
      <SelectField label="Action" value={draft.action} onChange={set('action')}>
        <option value="">Any action</option>
        {historyActions.map((action) => (
          <option key={action} value={action}>{action}</option>
        ))}
      </SelectField>
      <TextField label="Index" value={draft.index} onChange={set('index')} placeholder="user/index" />
      <TextField label="User" value={draft.user} onChange={set('user')} placeholder="account or index owner" />
      <TextField label="Project" value={draft.project} onChange={set('project')} />
      <SelectField label="Outcome" value={draft.outcome} onChange={set('outcome')}>
        <option value="">Any outcome</option>
        <option value="ok">Succeeded</option>
        <option value="failed">Failed</option>
        <option value="unknown">Outcome unknown</option>
      </SelectField>
      <TextField label="From" type="datetime-local" value={draft.from} onChange={set('from')} />
      <TextField label="To" type="datetime-local" value={draft.to} onChange={set('to')} />
      <div className="history-filter-actions">
        <Button type="submit" variant="primary">Apply filters</Button>
        <Button type="button" variant="ghost" onClick={() => { setDraft(draftOf({})); onApply({}); }}>Clear</Button>
      </div>
    </form>
  );
}
