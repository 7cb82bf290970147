import type { UserConfig } from '@devpi-dashboard/devpi-client';
import { useRef, useState, type FormEvent } from 'react';
import { useUnsavedChanges } from '../../../components/ui/unsaved-changes';
import { Alert } from '../../../components/ui/alert';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { formText, useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { editUserSchema, userServerErrors } from '../api/user-schemas';
import { useModifyUser } from '../api/users';
import { FormActions } from '../../../components/ui/form-actions';

type Field = 'email' | 'title' | 'description';

export function EditUserForm({ user, onSaved, cancelTo }: { user: UserConfig; onSaved: () => void; cancelTo: string }) {
  const modify = useModifyUser(user.username);
  // Compare with the user as shown when the form opened, so a refetch never turns someone
  // else's later change into one of ours.
  const [opened] = useState(user);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  // The fields are uncontrolled; any input marks the form edited until it is saved.
  const [edited, setEdited] = useState(false);
  const unsaved = useUnsavedChanges(edited);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const checked = validate(editUserSchema, { email: formText(data, 'email'), title: formText(data, 'title'), description: formText(data, 'description') });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    // Only changed keys are sent; devpi treats an empty value as "remove this key".
    const patch: Partial<Record<Field, string>> = {};
    for (const key of ['email', 'title', 'description'] as const) {
      if (checked.data[key] !== (opened[key] ?? '')) patch[key] = checked.data[key];
    }
    if (Object.keys(patch).length === 0) return onSaved();
    try {
      await modify.mutateAsync(patch);
      unsaved.markSaved();
      onSaved();
    } catch (error) {
      setErrors(userServerErrors(error));
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={`Edit user ${user.username}`} onChange={() => setEdited(true)}>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Email" name="email" type="text" inputMode="email" defaultValue={opened.email ?? ''} error={errors.email} />
      <TextField label="Title" name="title" defaultValue={opened.title ?? ''} error={errors.title} />
      <TextAreaField label="Description" name="description" defaultValue={opened.description ?? ''} error={errors.description} />
      <FormActions submitLabel="Save changes" busy={modify.isPending} cancelTo={cancelTo} />
      {unsaved.prompt}
    </form>
  );
}
