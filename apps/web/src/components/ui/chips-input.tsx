import { useId, useState, type KeyboardEvent } from 'react';
import './ui.css';

/**
 * A list of short strings edited as removable chips plus a text box ("Add"). `suggestions` feed
 * the browser's autocomplete through a <datalist>.
 */
export function ChipsInput({
  label,
  itemLabel,
  values,
  onChange,
  suggestions = [],
  hint,
  error,
  normalize = (value: string) => value,
}: {
  label: string;
  itemLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions?: string[];
  hint?: string;
  error?: string | undefined;
  normalize?: (value: string) => string;
}) {
  const id = useId();
  const [text, setText] = useState('');

  function add() {
    const value = normalize(text.trim());
    if (!value) return;
    if (!values.includes(value)) onChange([...values, value]);
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      // Enter adds the entry instead of submitting the whole form.
      event.preventDefault();
      add();
    }
  }

  return (
    <div className={error ? 'field field-invalid chips-input' : 'field chips-input'}>
      <label htmlFor={id}>{label}</label>
      {values.length > 0 ? (
        <ul className="chips" aria-label={`${label}: current entries`}>
          {values.map((value) => (
            <li key={value} className="chip">
              {value}
              <button type="button" aria-label={`Remove ${itemLabel} ${value}`} onClick={() => onChange(values.filter((other) => other !== value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">None.</p>
      )}
      <div className="chips-add">
        <input
          id={id}
          className="input"
          value={text}
          list={suggestions.length > 0 ? `${id}-suggestions` : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
        />
        <button type="button" className="btn btn-secondary" onClick={add} disabled={!text.trim()}>
          Add {itemLabel}
        </button>
      </div>
      {suggestions.length > 0 && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.filter((value) => !values.includes(value)).map((value) => <option key={value} value={value} />)}
        </datalist>
      )}
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
