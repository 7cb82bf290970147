import { CopyButton } from './copy-button';
import './ui.css';

/** Pretty-printed JSON with a copy button, for power users (like `devpi getjson`). */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, 2);
  return (
    <div className="code-frame">
      <div className="code-frame-bar">
        <span className="muted">{label}</span>
        <CopyButton text={text} label={`Copy ${label}`} />
      </div>
      <pre className="code-block" tabIndex={0} aria-label={label}>{text}</pre>
    </div>
  );
}
