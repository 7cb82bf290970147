import { CopyButton } from '../../../components/ui/copy-button';
import './packages.css';

/** A shell command with a copy button. */
export function InstallCommand({ command, label }: { command: string; label: string }) {
  return (
    <div className="command">
      <code>{command}</code>
      <CopyButton text={command} label={label} />
    </div>
  );
}
