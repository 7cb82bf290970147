import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { allowedBases, findCycle, type BaseGraph } from '../lib/bases';

/**
 * The ordered list of bases. devpi searches them in this order, so they can be moved; only
 * existing indexes that would not make `self` inherit from itself are offered.
 */
export function BasesEditor({ self, graph, bases, onChange, error }: { self: string; graph: BaseGraph; bases: string[]; onChange: (bases: string[]) => void; error?: string | undefined }) {
  const id = useId();
  const options = allowedBases(graph, self, bases);
  const refused = [...graph.keys()].filter((name) => name !== self && !bases.includes(name) && !options.includes(name));
  const [choice, setChoice] = useState('');
  const selected = options.includes(choice) ? choice : (options[0] ?? '');

  function move(from: number, to: number) {
    const next = [...bases];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onChange(next);
  }

  return (
    <div className={error ? 'field field-invalid bases-editor' : 'field bases-editor'} role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>Bases, in lookup order</span>
      {bases.length === 0 ? (
        <p className="field-hint">No bases: this index serves only what is uploaded to it.</p>
      ) : (
        <ol>
          {bases.map((base, position) => (
            <li key={base}>
              <div>
              <span className="mono">{base}</span>
              <Button size="sm" variant="ghost" aria-label={`Move ${base} up`} disabled={position === 0} onClick={() => move(position, position - 1)}>↑</Button>
              <Button size="sm" variant="ghost" aria-label={`Move ${base} down`} disabled={position === bases.length - 1} onClick={() => move(position, position + 1)}>↓</Button>
              <Button size="sm" variant="ghost" aria-label={`Remove base ${base}`} onClick={() => onChange(bases.filter((other) => other !== base))}>Remove</Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="bases-add">
        <label htmlFor={`${id}-add`} className="visually-hidden">Index to add as a base</label>
        <select id={`${id}-add`} className="input" value={selected} onChange={(event) => setChoice(event.target.value)} disabled={options.length === 0}>
          {options.length === 0 && <option value="">No other index can be added</option>}
          {options.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
        <Button disabled={!selected} onClick={() => selected && onChange([...bases, selected])}>Add base</Button>
      </div>
      {refused.length > 0 && (
        <p className="field-hint">
          Not offered because they would make this index inherit from itself:{' '}
          {refused.map((name) => (findCycle(graph, self, [name]) ?? [name]).join(' → ')).join('; ')}.
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
