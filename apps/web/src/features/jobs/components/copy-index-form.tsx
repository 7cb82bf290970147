import { TextField } from '../../../components/ui/field';
import { JobFormFrame, listOf, text } from './job-form-frame';
import type { JobFormProps } from './job-forms';

/** Copy a stage index into a new one: config first, then every release; a dry run comes first. */
export function CopyIndexForm({ initial, onCreated }: JobFormProps) {
  return (
    <JobFormFrame
      kind="copy-index"
      label="Copy an index"
      submitLabel="Dry run the copy"
      onCreated={onCreated}
      read={(data) => ({
        params: {
          source: text(data, 'source'),
          target: text(data, 'target'),
          includeProjects: listOf(text(data, 'includeProjects')),
          excludeProjects: listOf(text(data, 'excludeProjects')),
        },
      })}
    >
      {(errors) => (
        <>
          <div className="form-row">
            <TextField label="Copy index" name="source" defaultValue={initial['source']} placeholder="alice/prod" required error={errors['source']} />
            <TextField label="Into a new index" name="target" defaultValue={initial['target']} placeholder="alice/prod-2026" required error={errors['target']} hint="Must not exist yet: it gets the source's whole config (type, bases, permissions, whitelist, title, description, plugin keys)." />
          </div>
          <div className="form-row">
            <TextField label="Only projects matching" name="includeProjects" defaultValue={initial['includeProjects']} error={errors['includeProjects']} hint="Patterns (* and ?); empty copies every project." />
            <TextField label="Never projects matching" name="excludeProjects" defaultValue={initial['excludeProjects']} error={errors['excludeProjects']} />
          </div>
        </>
      )}
    </JobFormFrame>
  );
}
