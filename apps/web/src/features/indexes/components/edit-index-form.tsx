import { useRef, useState, type FormEvent } from 'react';
import { useUnsavedChanges } from '../../../components/ui/unsaved-changes';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { useFocusFirstError, validate, type FieldErrors } from '../../../lib/form';
import { usePatchIndex } from '../api/indexes';
import type { BaseGraph } from '../lib/bases';
import { diffToOps, valuesFromConfig, type BuiltinIndexConfig, type IndexFormValues } from '../lib/index-form-values';
import { indexServerErrors, indexValuesSchema, type IndexField } from '../lib/index-schema';
import { IndexFields } from './index-fields';
import { PendingOps } from './pending-ops';
import { UnknownKeys } from './unknown-keys';
import { FormActions } from '../../../components/ui/form-actions';

/** What both edit forms (built-in and plugin index types) need besides the config. */
export interface IndexEditProps {
  user: string;
  index: string;
  graph: BaseGraph;
  userNames: string[];
  cancelTo: string;
  onSaved: () => void;
}

interface Props extends IndexEditProps {
  config: BuiltinIndexConfig;
}

/**
 * Edits an index by sending only what changed, as devpi's list of operations; a full config read
 * earlier is never written back, so a concurrent change by someone else survives.
 */
export function EditIndexForm({ user, index, config, graph, userNames, cancelTo, onSaved }: Props) {
  const patch = usePatchIndex(user, index);
  // The config as it was when the form opened: the ops describe only this user's edits, even if
  // a refetch brings someone else's change in the meantime.
  const [opened] = useState(config);
  const [values, setValues] = useState<IndexFormValues>(() => valuesFromConfig(opened));
  const [errors, setErrors] = useState<FieldErrors<IndexField>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const ops = diffToOps(opened, values);
  const unsaved = useUnsavedChanges(ops.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(indexValuesSchema, values);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    if (ops.length === 0) return onSaved();
    try {
      await patch.mutateAsync(ops);
      unsaved.markSaved();
      onSaved();
    } catch (error) {
      setErrors(indexServerErrors(error));
    }
  }

  return (
    <form ref={formRef} className="form form-wide" onSubmit={submit} noValidate aria-label={`Edit index ${user}/${index}`}>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <p>
        Type: <Badge tone={config.type === 'mirror' ? 'accent' : 'neutral'}>{config.type}</Badge>{' '}
        <span className="muted">(devpi cannot change the type of an existing index)</span>
      </p>
      <IndexFields self={`${user}/${index}`} values={values} onChange={setValues} errors={errors} graph={graph} userNames={userNames} />
      <UnknownKeys config={opened} />
      <PendingOps ops={ops} />
      <FormActions submitLabel="Save changes" busy={patch.isPending} disabled={ops.length === 0} cancelTo={cancelTo} />
      {unsaved.prompt}
    </form>
  );
}
