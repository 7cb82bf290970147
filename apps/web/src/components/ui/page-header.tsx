import type { ReactNode } from 'react';
import './ui.css';

export function PageHeader({ title, description, actions, breadcrumbs }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; breadcrumbs?: ReactNode }) {
  return (
    <header className="page-header">
      {breadcrumbs && <nav aria-label="Breadcrumb" className="breadcrumbs">{breadcrumbs}</nav>}
      <div className="page-header-row">
        <div>
          <h1>{title}</h1>
          {description && <p className="muted page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}

export function Card({ title, children, actions, className }: { title?: ReactNode; children: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <section className={['card', className].filter(Boolean).join(' ')}>
      {(title || actions) && (
        <div className="card-header">
          {title && <h2>{title}</h2>}
          {actions}
        </div>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}
