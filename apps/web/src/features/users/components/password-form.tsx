import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/field';
import { formText, useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { passwordSchema, userServerErrors } from '../api/user-schemas';
import { useModifyUser } from '../api/users';
import { FormActions } from '../../../components/ui/form-actions';

/** Sets `user`'s password: typed twice, never empty. Sends a password-only PATCH, which devpi lets a user do to themselves. */
export function PasswordForm({ user, submitLabel, onDone, compact = false }: { user: string; submitLabel: string; onDone: () => void; compact?: boolean }) {
  const modify = useModifyUser(user);
  const [errors, setErrors] = useState<FieldErrors<'password' | 'passwordRepeat'>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const checked = validate(passwordSchema, { password: formText(data, 'password'), passwordRepeat: formText(data, 'passwordRepeat') });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setDone(false);
    try {
      await modify.mutateAsync({ password: checked.data.password });
      form.reset();
      setDone(true);
      onDone();
    } catch (error) {
      setErrors(userServerErrors(error));
    }
  }

  return (
    <form ref={formRef} className={compact ? 'form form-inline' : 'form'} onSubmit={submit} noValidate aria-label={submitLabel}>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {done && <Alert tone="success">Password changed. Sessions that are signed in stay signed in.</Alert>}
      <div className="form-row">
        <TextField label="New password" name="password" type="password" autoComplete="new-password" required error={errors.password} />
        <TextField label="Repeat new password" name="passwordRepeat" type="password" autoComplete="new-password" required error={errors.passwordRepeat} />
      </div>
      <FormActions submitLabel={submitLabel} busy={modify.isPending} />
    </form>
  );
}
