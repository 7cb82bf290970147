import { useEffect, useId, useState } from 'react';
import './ui.css';

/**
 * How long typing must pause before the value is reported. Short enough that a name is found
 * within 200 ms of the last key; the queries behind it cancel the request a newer key replaces.
 */
export const SEARCH_DEBOUNCE_MS = 60;

/**
 * A labelled search input that reports its value after the user pauses typing. It owns its text
 * from the first render on, so typing is never overwritten by the debounced URL update.
 */
export function SearchBox({ label, value, onSearch, placeholder }: { label: string; value: string; onSearch: (value: string) => void; placeholder?: string }) {
  const [text, setText] = useState(value);
  const id = useId();
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <input id={id} className="input" type="search" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} />
    </div>
  );
}
