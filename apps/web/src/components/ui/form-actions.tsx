import type { ReactNode } from 'react';
import { Button, ButtonLink } from './button';

/** A form's closing row: the primary submit button and, where the form has somewhere to go back to, Cancel. */
export function FormActions({ submitLabel, busy, disabled, cancelTo }: { submitLabel: ReactNode; busy: boolean; disabled?: boolean; cancelTo?: string }) {
  return (
    <div className="form-actions">
      <Button type="submit" variant="primary" busy={busy} disabled={disabled}>
        {submitLabel}
      </Button>
      {cancelTo !== undefined && (
        <ButtonLink to={cancelTo} variant="ghost">
          Cancel
        </ButtonLink>
      )}
    </div>
  );
}
