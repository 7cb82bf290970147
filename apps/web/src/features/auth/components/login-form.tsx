import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formText, useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { useLogin } from '../api/session';

const loginSchema = z.object({
  user: z.string().trim().min(1, 'Enter your user name.'),
  // A freshly initialised devpi's root has an empty password, so an empty one is allowed here.
  password: z.string(),
});

function loginErrorMessage(error: unknown): FieldErrors<'user' | 'password'> {
  if (error instanceof ApiError) {
    if (error.code === errorCodes.invalidCredentials || error.status === 401) return { password: 'Wrong user name or password.' };
    if (error.code === errorCodes.tooManyAttempts || error.status === 429) return { form: 'Too many sign-in attempts. Wait a minute, then try again.' };
  }
  return { form: describeError(error) };
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const [errors, setErrors] = useState<FieldErrors<'user' | 'password'>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const checked = validate(loginSchema, { user: formText(data, 'user'), password: formText(data, 'password') });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      await login.mutateAsync(checked.data);
      onSignedIn();
    } catch (error) {
      setErrors(loginErrorMessage(error));
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Sign in">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="User name" name="user" autoComplete="username" autoFocus required error={errors.user} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
        hint="A freshly installed devpi lets root sign in with an empty password."
      />
      <Button type="submit" variant="primary" busy={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}
