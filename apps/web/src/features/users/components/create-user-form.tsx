import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { formText, useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { createUserSchema } from '../api/user-schemas';
import { userServerErrors } from '../api/user-schemas';
import { useCreateUser } from '../api/users';
import { FormActions } from '../../../components/ui/form-actions';

type Field = 'username' | 'email' | 'password' | 'passwordRepeat' | 'title' | 'description';

export function CreateUserForm({ onCreated, cancelTo }: { onCreated: (username: string) => void; cancelTo: string }) {
  const createUser = useCreateUser();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fields: Field[] = ['username', 'email', 'password', 'passwordRepeat', 'title', 'description'];
    const checked = validate(createUserSchema, Object.fromEntries(fields.map((name) => [name, formText(data, name)])));
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const { username, password, email, title, description } = checked.data;
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
        hint="Letters, digits and - . @ _ only; no spaces or other punctuation."
      />
      <TextField label="Email" name="email" type="email" autoComplete="off" error={errors.email} />
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
