import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';

/** The BFF's 400 names each bad field as `params.<field>`; anything else is a form-level error. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.details !== undefined) {
    const fields = error.details['fields'];
    if (typeof fields === 'object' && fields !== null) {
      const result: Record<string, string> = {};
      for (const [key, message] of Object.entries(fields)) {
        const name = key.replace(/^params\./, '').split('.')[0] ?? key;
        result[name === '(params)' ? 'form' : name] = String(message);
      }
      result['form'] ??= error.message;
      return result;
    }
  }
  return { form: describeError(error) };
}
