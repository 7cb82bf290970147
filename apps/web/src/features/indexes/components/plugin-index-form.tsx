import type { PluginIndexConfig } from '@devpi-dashboard/devpi-client';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { CheckboxField, TextAreaField, TextField } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { describeError } from '../../../lib/errors';
import { usePatchIndex } from '../api/indexes';
import { PLUGIN_EDITED_KEYS, pluginDiffToOps, pluginValuesFromConfig, type PluginFormValues } from '../lib/plugin-index-values';
import { BasesEditor } from './bases-editor';
import type { IndexEditProps } from './edit-index-form';
import { PendingOps } from './pending-ops';
import { UploadAclInput } from './upload-acl-input';
import { PluginIndexKeys } from './plugin-index-keys';

interface Props extends IndexEditProps {
  config: PluginIndexConfig;
}

/**
 * Edits an index whose type a plugin adds: only the keys every index shares (and bases,
 * acl_upload, volatile when it has them), as list operations; the plugin's own keys stay as they are.
 */
export function PluginIndexForm({ user, index, config, graph, userNames, cancelTo, onSaved }: Props) {
  const patch = usePatchIndex(user, index);
  const [opened] = useState(config);
  const [values, setValues] = useState<PluginFormValues>(() => pluginValuesFromConfig(opened));
  const [error, setError] = useState<string>();
  const ops = pluginDiffToOps(opened, values);
  const set = <K extends keyof PluginFormValues>(key: K, value: PluginFormValues[K]) => setValues({ ...values, [key]: value });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (ops.length === 0) return onSaved();
    try {
      await patch.mutateAsync(ops);
      onSaved();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <form className="form form-wide" onSubmit={submit} noValidate aria-label={`Edit index ${user}/${index}`}>
      {error && <Alert tone="error">{error}</Alert>}
      <p>
        Type: <Badge tone="neutral">{config.type}</Badge> <span className="muted">(from a devpi plugin; devpi cannot change the type of an existing index)</span>
      </p>
      <fieldset>
        <legend>Description</legend>
        <TextField label="Title" value={values.title} onChange={(event) => set('title', event.target.value)} />
        <TextAreaField label="Description" value={values.description} onChange={(event) => set('description', event.target.value)} />
        {values.volatile !== undefined && (
          <CheckboxField label="Volatile" checked={values.volatile} onChange={(event) => set('volatile', event.target.checked)} hint="Uploaded files may be overwritten and deleted." />
        )}
      </fieldset>
      {values.bases !== undefined && (
        <fieldset>
          <legend>Inheritance</legend>
          <BasesEditor self={`${user}/${index}`} graph={graph} bases={values.bases} onChange={(bases) => set('bases', bases)} />
        </fieldset>
      )}
      {values.acl_upload !== undefined && (
        <fieldset>
          <legend>Permissions</legend>
          <UploadAclInput values={values.acl_upload} onChange={(list) => set('acl_upload', list)} userNames={userNames} />
        </fieldset>
      )}
      <fieldset className="unknown-keys">
        <legend>Plugin settings (read-only)</legend>
        <PluginIndexKeys config={opened} skip={PLUGIN_EDITED_KEYS} />
      </fieldset>
      <PendingOps ops={ops} />
      <FormActions submitLabel="Save changes" busy={patch.isPending} disabled={ops.length === 0} cancelTo={cancelTo} />
    </form>
  );
}
