import { TextAreaField, TextField } from '../../../components/ui/field';
import { JobFormFrame, text } from './job-form-frame';
import type { JobFormProps } from './job-forms';

/** `name==1.0`, `name 1.0` or `name,1.0`, one per line. */
export function parseReleases(input: string): { releases: Array<{ project: string; version: string }>; bad: string[] } {
  const releases: Array<{ project: string; version: string }> = [];
  const bad: string[] = [];
  for (const raw of input.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^([^\s=,]+)\s*(?:==|,|\s)\s*(\S+)$/.exec(line);
    if (match?.[1] && match[2]) releases.push({ project: match[1], version: match[2] });
    else bad.push(line);
  }
  return { releases, bad };
}

/** Promote chosen releases from one index to another (devpi push), after a preview. */
export function PromoteForm({ initial, onCreated }: JobFormProps) {
  return (
    <JobFormFrame
      kind="promote"
      label="Promote releases"
      submitLabel="Preview the promotion"
      onCreated={onCreated}
      read={(data) => {
        const { releases, bad } = parseReleases(text(data, 'releases'));
        if (bad.length > 0) return { errors: { releases: `Write each release as project==version; not understood: ${bad.slice(0, 3).join(', ')}` } };
        return { params: { source: text(data, 'source'), target: text(data, 'target'), releases } };
      }}
    >
      {(errors) => (
        <>
          <div className="form-row">
            <TextField label="From index" name="source" defaultValue={initial['source']} placeholder="alice/dev" required error={errors['source']} />
            <TextField label="To index" name="target" defaultValue={initial['target']} placeholder="alice/prod" required error={errors['target']} />
          </div>
          <TextAreaField label="Releases" name="releases" defaultValue={initial['releases']} required error={errors['releases']} hint="One per line: project==version. Each is pushed with all its files and docs." />
        </>
      )}
    </JobFormFrame>
  );
}
