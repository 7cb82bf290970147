import { ANONYMOUS, AUTHENTICATED, normalizePrincipal } from '@devpi-dashboard/devpi-client';
import { ChipsInput } from '../../../components/ui/chips-input';
import { CheckboxField, TextAreaField, TextField } from '../../../components/ui/field';
import type { FieldErrors } from '../../../lib/form';
import type { BaseGraph } from '../lib/bases';
import type { IndexFormValues } from '../lib/index-form-values';
import type { IndexField } from '../lib/index-schema';
import { BasesEditor } from './bases-editor';
import { UploadAclInput } from './upload-acl-input';
import './indexes.css';

interface Props {
  self: string;
  values: IndexFormValues;
  onChange: (values: IndexFormValues) => void;
  errors: FieldErrors<IndexField>;
  graph: BaseGraph;
  userNames: string[];
}

/** The settings shared by the create and edit forms; which ones show depends on the type. */
export function IndexFields({ self, values, onChange, errors, graph, userNames }: Props) {
  const set = <K extends keyof IndexFormValues>(key: K, value: IndexFormValues[K]) => onChange({ ...values, [key]: value });
  const principals = [ANONYMOUS, AUTHENTICATED, ...userNames];
  return (
    <>
      <fieldset>
        <legend>Description</legend>
        <TextField label="Title" value={values.title} onChange={(event) => set('title', event.target.value)} />
        <TextAreaField label="Description" value={values.description} onChange={(event) => set('description', event.target.value)} />
      </fieldset>
      <fieldset>
        <legend>Releases</legend>
        <CheckboxField
          label="Volatile"
          checked={values.volatile}
          onChange={(event) => set('volatile', event.target.checked)}
          error={errors.volatile}
          hint={values.volatile
            ? 'Uploaded files may be overwritten and deleted. Good for development indexes.'
            : 'Non-volatile: once uploaded, a release file can be neither overwritten nor deleted (except by root or the owner with force). Good for production indexes.'}
        />
      </fieldset>
      {values.type === 'stage' ? (
        <>
          <fieldset>
            <legend>Inheritance</legend>
            <BasesEditor self={self} graph={graph} bases={values.bases} onChange={(bases) => set('bases', bases)} error={errors.bases} />
            <ChipsInput
              label="Mirror whitelist"
              itemLabel="whitelisted project"
              values={values.mirror_whitelist}
              onChange={(list) => set('mirror_whitelist', list)}
              error={errors.mirror_whitelist}
              hint="Projects (or * for all) whose releases from mirror bases are served even when this index has its own releases of them. Without it, a project uploaded here hides the mirror's releases, protecting against name squatting."
            />
            <div className="field" role="radiogroup" aria-labelledby="inheritance-label">
              <span className="field-label" id="inheritance-label">Whitelist inheritance</span>
              <div className="radio-row">
                {(['intersection', 'union'] as const).map((mode) => (
                  <label key={mode}>
                    <input type="radio" name="mirror_whitelist_inheritance" value={mode} checked={values.mirror_whitelist_inheritance === mode} onChange={() => set('mirror_whitelist_inheritance', mode)} />
                    {mode}
                  </label>
                ))}
              </div>
              <p className="field-hint">How whitelists of bases combine with this one: intersection (the default) or union.</p>
            </div>
          </fieldset>
          <fieldset>
            <legend>Permissions</legend>
            <UploadAclInput values={values.acl_upload} onChange={(list) => set('acl_upload', list)} userNames={userNames} error={errors.acl_upload} />
            <ChipsInput
              label="Who may upload test results (acl_toxresult_upload)"
              itemLabel="test result uploader"
              values={values.acl_toxresult_upload}
              onChange={(list) => set('acl_toxresult_upload', list)}
              suggestions={principals}
              normalize={normalizePrincipal}
            />
          </fieldset>
        </>
      ) : (
        <fieldset>
          <legend>Mirror</legend>
          <TextField
            label="Mirrored index URL (mirror_url)"
            value={values.mirror_url}
            onChange={(event) => set('mirror_url', event.target.value)}
            error={errors.mirror_url}
            placeholder="https://pypi.org/simple/"
            hint="The simple index to mirror, e.g. https://pypi.org/simple/ or another devpi index's +simple/ URL."
          />
          <div className="form-row">
            <TextField
              label="Cache expiry in seconds (mirror_cache_expiry)"
              inputMode="numeric"
              placeholder="1800"
              value={values.mirror_cache_expiry}
              onChange={(event) => set('mirror_cache_expiry', event.target.value)}
              error={errors.mirror_cache_expiry}
              hint="How long devpi keeps the mirror's project list (default 1800)."
            />
            <TextField
              label="Web URL format (mirror_web_url_fmt)"
              value={values.mirror_web_url_fmt}
              onChange={(event) => set('mirror_web_url_fmt', event.target.value)}
              placeholder="https://pypi.org/project/{name}/"
            />
          </div>
          <CheckboxField label="Link to files on the mirrored server (mirror_use_external_urls)" checked={values.mirror_use_external_urls} onChange={(event) => set('mirror_use_external_urls', event.target.checked)} />
          <CheckboxField label="Do not fetch the project list (mirror_no_project_list)" checked={values.mirror_no_project_list} onChange={(event) => set('mirror_no_project_list', event.target.checked)} />
          <CheckboxField label="Ignore the mirror's serial header (mirror_ignore_serial_header)" checked={values.mirror_ignore_serial_header} onChange={(event) => set('mirror_ignore_serial_header', event.target.checked)} />
        </fieldset>
      )}
    </>
  );
}
