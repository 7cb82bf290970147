import { useEffect, type RefObject } from 'react';
import type { z } from 'zod';

export type FieldErrors<K extends string = string> = Partial<Record<K | 'form', string>>;

/** Validates `values`; on failure returns one message per field (the first issue wins). */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : 'form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Reads a text field of a submitted form (empty when absent). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * After a failed submit, moves keyboard focus to the first field marked invalid (or the form's
 * error message), so keyboard and screen-reader users land on what needs fixing.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, errors: object): void {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .alert-error');
    if (target) {
      if (!target.matches('input, select, textarea')) target.tabIndex = -1;
      target.focus();
    }
  }, [formRef, errors]);
}
