import { tokenPermissions, type TokenCreated, type TokenCreateRequest } from '@devpi-dashboard/dashboard-api';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { ChipsInput } from '../../../components/ui/chips-input';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formText, useFocusFirstError, type FieldErrors } from '../../../lib/form';
import { useCreateToken } from '../api/tokens';
import { expiresFor, expiryChoices, type ExpiryChoice } from '../lib/expiry';
import { permissionLabels } from './permission-labels';

type Field = 'allowed' | 'indexes' | 'projects' | 'expires';

/** The BFF's 400 names fields like `indexes.0`; they go back onto the field they belong to. */
function serverErrors(error: unknown): FieldErrors<Field> {
  if (error instanceof ApiError && error.status === 400 && error.details && typeof error.details['fields'] === 'object' && error.details['fields'] !== null) {
    const out: FieldErrors<Field> = {};
    for (const [path, message] of Object.entries(error.details['fields'])) {
      const key = path.split('.')[0] as Field;
      out[key] ??= `${typeof message === 'string' ? message : 'invalid'}${path.includes('.') ? ` (entry ${Number(path.split('.')[1]) + 1})` : ''}`;
    }
    return out;
  }
  return { form: describeError(error) };
}

/**
 * Mints a devpi-tokens token for `user` with the restrictions chosen here. devpi checks everything
 * again (who may, how long); its refusal is shown above the form, nothing is created then.
 */
export function TokenForm({ user, isRoot, indexSuggestions, initialIndexes = [], initialAllowed = ['pkg_read'], onCreated, submitLabel }: {
  user: string;
  isRoot: boolean;
  indexSuggestions: string[];
  initialIndexes?: string[];
  initialAllowed?: string[];
  onCreated: (created: TokenCreated) => void;
  submitLabel?: string;
}) {
  const create = useCreateToken(user);
  const [indexes, setIndexes] = useState<string[]>(initialIndexes);
  const [projects, setProjects] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<ExpiryChoice>('30d');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const allowed = tokenPermissions.filter((name) => data.get(`perm-${name}`) === 'on');
    const expires = expiresFor(expiry, formText(data, 'expiresDate'), Date.now(), isRoot);
    if (typeof expires === 'object') return setErrors({ expires: expires.error });
    const input: TokenCreateRequest = { expires };
    if (allowed.length > 0) input.allowed = allowed;
    if (indexes.length > 0) input.indexes = indexes;
    if (projects.length > 0) input.projects = projects;
    setErrors({});
    try {
      onCreated(await create.mutateAsync(input));
    } catch (error) {
      setErrors(serverErrors(error));
    }
  }

  return (
    <form ref={formRef} className="form token-form" onSubmit={submit} noValidate aria-label={submitLabel ?? `Create a token for ${user}`}>
      {errors.form && <Alert tone="error" title="devpi did not create the token">{errors.form}</Alert>}
      <fieldset className="token-permissions" aria-describedby="token-permissions-hint">
        <legend>Permissions</legend>
        <p className="field-hint" id="token-permissions-hint">
          Tick none to let the token do everything {user} may, except change the account or manage tokens. pip reads the simple index without a
          permission check; downloading the files needs the first one.
        </p>
        <div className="token-permission-grid">
          {tokenPermissions.map((name) => (
            <CheckboxField key={name} name={`perm-${name}`} defaultChecked={initialAllowed.includes(name)} label={permissionLabels[name]} hint={<span className="mono">{name}</span>} />
          ))}
        </div>
        {errors.allowed && <p className="field-error">{errors.allowed}</p>}
      </fieldset>
      <div className="form-row">
        <ChipsInput
          label="Only on these indexes"
          itemLabel="index"
          values={indexes}
          onChange={setIndexes}
          suggestions={indexSuggestions}
          hint="user/index. Empty: any index. A request under any other index is refused."
          error={errors.indexes}
        />
        <ChipsInput
          label="Only for these projects"
          itemLabel="project"
          values={projects}
          onChange={setProjects}
          hint="Empty: any project. devpi compares normalised names (Acme_Widgets = acme-widgets)."
          error={errors.projects}
        />
      </div>
      <div className="form-row">
        <SelectField label="Expires" name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryChoice)} error={expiry === 'date' ? undefined : errors.expires}>
          {expiryChoices.filter((c) => c.value !== 'never' || isRoot).map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </SelectField>
        {expiry === 'date' && <TextField label="Last day it works" name="expiresDate" type="date" required error={errors.expires} />}
      </div>
      <FormActions submitLabel={submitLabel ?? 'Create token'} busy={create.isPending} />
    </form>
  );
}
