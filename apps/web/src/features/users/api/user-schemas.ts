import { validateName } from '@devpi-dashboard/devpi-client';
import { EMAIL_PATTERN, EMAIL_PROBLEM } from '@devpi-dashboard/dashboard-api';
import { z } from 'zod';
import { describeError, errorStatus } from '../../../lib/errors';
import type { FieldErrors } from '../../../lib/form';

const optionalText = z.string().trim();

/** devpi's own rule, so a bad name is refused before anything is sent. */
export const usernameSchema = z
  .string()
  .trim()
  .superRefine((name, ctx) => {
    const problem = validateName('user', name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem === 'username must not be empty.' ? 'Enter a user name.' : problem });
  });

/** The one email rule, shared with the BFF's users-from-CSV import. */
const emailSchema = optionalText.refine((value) => value === '' || EMAIL_PATTERN.test(value), EMAIL_PROBLEM);

const passwordPair = {
  password: z.string().min(1, 'Enter a password; devpi accounts must not have an empty one.'),
  passwordRepeat: z.string(),
};

function passwordsMatch(values: { password: string; passwordRepeat: string }, ctx: z.RefinementCtx) {
  if (values.password && values.password !== values.passwordRepeat) {
    ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'The two passwords differ.' });
  }
}

export const createUserSchema = z
  .object({
    username: usernameSchema,
    email: emailSchema,
    title: optionalText,
    description: optionalText,
    ...passwordPair,
  })
  .superRefine(passwordsMatch);
export type CreateUserValues = z.infer<typeof createUserSchema>;

export const editUserSchema = z.object({
  email: emailSchema,
  title: optionalText,
  description: optionalText,
});
export type EditUserValues = z.infer<typeof editUserSchema>;

export const passwordSchema = z.object(passwordPair).superRefine(passwordsMatch);

/** Puts a devpi error from creating or changing a user onto the field it is about. */
export function userServerErrors(error: unknown): FieldErrors<'username' | 'password' | 'email'> {
  const message = describeError(error);
  const status = errorStatus(error);
  if (status === 409 || /user(name)? .*(exists|contains characters)/i.test(message)) return { username: message };
  if (/password/i.test(message) && status === 400) return { password: message };
  if (status === 403) return { form: `devpi refused: ${message}. You may only change your own account unless you are root.` };
  return { form: message };
}
