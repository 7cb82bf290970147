import type { VersionView } from '@devpi-dashboard/dashboard-api';
import './packages.css';

const formatNames = { markdown: 'Markdown', rst: 'reStructuredText', text: 'plain text' } as const;

/**
 * The long description, rendered and sanitised by the BFF (strict allowlist, no script, no style,
 * no event handlers), shown inside a bounded, clipped box so it can never pass for the console.
 */
export function DescriptionView({ description }: { description: VersionView['description'] }) {
  if (!description.html) return <p className="muted">This version has no description.</p>;
  return (
    <section aria-labelledby="description-heading">
      <div className="description-label">
        <h2 id="description-heading">Description</h2>
        <span className="muted">written by the uploader · {formatNames[description.format]}</span>
      </div>
      {/* Safe: the HTML comes from the BFF's sanitiser (apps/bff/src/render), never raw from devpi. */}
      <div className="description" data-testid="description" dangerouslySetInnerHTML={{ __html: description.html }} />
    </section>
  );
}
