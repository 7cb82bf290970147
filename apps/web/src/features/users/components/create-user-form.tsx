import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { formText, useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { useQueryClient } from '@tanstack/react-query';
import { caseTwin, NAME_HINT } from '../../../lib/names';
import { createUserSchema, userServerErrors } from '../api/user-schemas';
import { useCreateUser, userListQueryOptions } from '../api/users';
import { FormActions } from '../../../components/ui/form-actions';

type Field = 'username' | 'email' | 'password' | 'passwordRepeat' | 'title' | 'description';

export function CreateUserForm({ onCreated, cancelTo }: { onCreated: (username: string) => void; cancelTo: string }) {
  const createUser = useCreateUser();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const queryClient = useQueryClient();
  // devpi creates `Alice` next to `alice`; the second click on the same name means it is wanted.
  const [twinAccepted, setTwinAccepted] = useState<string>();
  useFocusFirstError(formRef, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fields: Field[] = ['username', 'email', 'password', 'passwordRepeat', 'title', 'description'];
    const checked = validate(createUserSchema, Object.fromEntries(fields.map((name) => [name, formText(data, name)])));
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const { username, password, email, title, description } = checked.data;
    if (twinAccepted !== username) {
      const similar = await queryClient.fetchQuery(userListQueryOptions({ q: username, limit: 100 })).catch(() => undefined);
      const twin = similar && caseTwin(username, similar.items.map((entry) => entry.username));
      if (twin) {
        setTwinAccepted(username);
        return setErrors({ username: `devpi already has a user “${twin}”, which differs only in letter case. Click “Create user” again to create “${username}” anyway.` });
      }
    }
    try {
      // Empty optional fields are left out: devpi would store them as empty strings.
      await createUser.mutateAsync({
        username,
        password,
        ...(email && { email }),
        ...(title && { title }),
        ...(description && { description }),
      });
      onCreated(username);
    } catch (error) {
      setErrors(userServerErrors(error));
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Create user">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField
        label="Username"
        name="username"
        autoComplete="off"
        required
        error={errors.username}
        hint={NAME_HINT}
      />
      <TextField label="Email" name="email" type="text" inputMode="email" autoComplete="off" error={errors.email} />
      <div className="form-row">
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required error={errors.password} />
        <TextField label="Repeat password" name="passwordRepeat" type="password" autoComplete="new-password" required error={errors.passwordRepeat} />
      </div>
      <TextField label="Title" name="title" error={errors.title} hint="A display name, e.g. the person's full name." />
      <TextAreaField label="Description" name="description" error={errors.description} />
      <FormActions submitLabel="Create user" busy={createUser.isPending} cancelTo={cancelTo} />
    </form>
  );
}
