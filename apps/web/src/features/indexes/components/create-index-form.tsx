import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/field';
import { useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { caseTwin, NAME_HINT } from '../../../lib/names';
import { useCreateIndex } from '../api/indexes';
import type { BaseGraph } from '../lib/bases';
import { createInput, defaultIndexValues, type IndexFormValues } from '../lib/index-form-values';
import { indexNameSchema, indexServerErrors, indexValuesSchema, type IndexField } from '../lib/index-schema';
import { IndexFields } from './index-fields';
import { FormActions } from '../../../components/ui/form-actions';

interface Props {
  /** The signed-in user; only root may create indexes for someone else. */
  currentUser: string;
  isRoot: boolean;
  initialOwner: string;
  graph: BaseGraph;
  userNames: string[];
  cancelTo: string;
  onCreated: (owner: string, index: string) => void;
}

export function CreateIndexForm({ currentUser, isRoot, initialOwner, graph, userNames, cancelTo, onCreated }: Props) {
  const createIndex = useCreateIndex();
  const [owner, setOwner] = useState(isRoot ? initialOwner || currentUser : currentUser);
  const [name, setName] = useState('');
  const [values, setValues] = useState<IndexFormValues>(() => defaultIndexValues(isRoot ? initialOwner || currentUser : currentUser));
  const [errors, setErrors] = useState<FieldErrors<IndexField>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  // devpi creates `Dev` next to `dev`; say so while typing rather than after.
  const twin = name.trim() ? caseTwin(`${owner.trim()}/${name.trim()}`, graph.keys()) : undefined;

  // devpi puts the owner in acl_upload by default; follow the owner until the list is edited.
  function changeOwner(next: string) {
    if (values.acl_upload.length === 1 && values.acl_upload[0] === owner) setValues({ ...values, acl_upload: next ? [next] : [] });
    setOwner(next);
  }

  function changeType(type: 'stage' | 'mirror') {
    setValues({ ...values, type });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nameCheck = validate(indexNameSchema, name);
    const valueCheck = validate(indexValuesSchema, values);
    const found: FieldErrors<IndexField> = {
      ...(!nameCheck.ok && { name: nameCheck.errors.form }),
      ...(!valueCheck.ok && valueCheck.errors),
      ...(owner.trim() === '' && { owner: 'Choose the user who will own the index.' }),
    };
    if (Object.keys(found).length > 0) return setErrors(found);
    setErrors({});
    try {
      await createIndex.mutateAsync({ user: owner.trim(), index: name.trim(), config: createInput(values) });
      onCreated(owner.trim(), name.trim());
    } catch (error) {
      setErrors(indexServerErrors(error));
    }
  }

  return (
    <form ref={formRef} className="form form-wide" onSubmit={submit} noValidate aria-label="Create index">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <fieldset>
        <legend>Name and type</legend>
        <div className="form-row">
          <TextField
            label="Owner"
            value={owner}
            onChange={(event) => changeOwner(event.target.value)}
            disabled={!isRoot}
            list="index-owner-suggestions"
            error={errors.owner}
            hint={isRoot ? 'Root may create indexes for any existing user.' : 'You can create indexes only for yourself.'}
          />
          <TextField
            label="Index name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
            autoComplete="off"
            hint={
              <>
                The index will be <span className="mono">{owner || 'owner'}/{name || 'name'}</span>. {NAME_HINT}
                {twin && <strong className="field-warning" role="status"> {twin} already exists and differs only in letter case.</strong>}
              </>
            }
          />
        </div>
        <datalist id="index-owner-suggestions">
          {userNames.map((user) => <option key={user} value={user} />)}
        </datalist>
        <div className="field" role="radiogroup" aria-labelledby="index-type-label">
          <span className="field-label" id="index-type-label">Type</span>
          <div className="radio-row">
            <label><input type="radio" name="type" checked={values.type === 'stage'} onChange={() => changeType('stage')} /> Stage: packages uploaded here, optionally inheriting from bases</label>
            <label><input type="radio" name="type" checked={values.type === 'mirror'} onChange={() => changeType('mirror')} /> Mirror: caches another simple index such as PyPI</label>
          </div>
          {errors.type && <p className="field-error">{errors.type}</p>}
          <p className="field-hint">The type cannot be changed later.</p>
        </div>
      </fieldset>
      <IndexFields self={`${owner}/${name}`} values={values} onChange={setValues} errors={errors} graph={graph} userNames={userNames} />
      <FormActions submitLabel="Create index" busy={createIndex.isPending} cancelTo={cancelTo} />
    </form>
  );
}
