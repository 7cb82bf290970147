import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import './ui.css';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function TextField({ label, hint, error, id: givenId, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)} {...input} />
    </Frame>
  );
}

export function TextAreaField({ label, hint, error, id: givenId, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)} {...input} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, id: givenId, children, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)} {...select}>
        {children}
      </select>
    </Frame>
  );
}

export function CheckboxField({ label, hint, error, id: givenId, ...input }: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input type="checkbox" id={id} aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)} {...input} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
        {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      </div>
    </div>
  );
}
