import type { ReactNode } from 'react';
import './ui.css';

type Tone = 'neutral' | 'accent' | 'warning' | 'danger' | 'success';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
