import { CheckboxField, TextField } from '../../../components/ui/field';
import { JobFormFrame, listOf, text } from './job-form-frame';
import type { JobFormProps } from './job-forms';

const whole = (value: string): number | undefined | 'bad' => (value === '' ? undefined : /^\d+$/.test(value) ? Number(value) : 'bad');

/** Cleanup rules for one or several stage indexes; the job shows the preview before anything goes. */
export function CleanupForm({ initial, onCreated }: JobFormProps) {
  return (
    <JobFormFrame
      kind="cleanup"
      label="Clean up indexes"
      submitLabel="Preview the cleanup"
      onCreated={onCreated}
      read={(data) => {
        const keepNewest = whole(text(data, 'keepNewest'));
        const preOlderThanDays = whole(text(data, 'preOlderThanDays'));
        const errors: Record<string, string> = {};
        if (keepNewest === 'bad') errors['keepNewest'] = 'A whole number, or empty.';
        if (preOlderThanDays === 'bad') errors['preOlderThanDays'] = 'A whole number of days, or empty.';
        if (Object.keys(errors).length > 0) return { errors };
        const versionPattern = text(data, 'versionPattern');
        return {
          params: {
            indexes: listOf(text(data, 'indexes')),
            ...(typeof keepNewest === 'number' ? { keepNewest } : {}),
            ...(typeof preOlderThanDays === 'number' ? { preOlderThanDays } : {}),
            ...(versionPattern ? { versionPattern } : {}),
            includeProjects: listOf(text(data, 'includeProjects')),
            excludeProjects: listOf(text(data, 'excludeProjects')),
            allowNewestFinal: data.get('allowNewestFinal') === 'on',
          },
        };
      }}
    >
      {(errors) => (
        <>
          <TextField label="Indexes" name="indexes" defaultValue={initial['indexes']} placeholder="alice/ci, alice/nightly" required error={errors['indexes']} hint="One or several stage indexes, user/index, separated by commas or spaces." />
          <div className="form-row">
            <TextField label="Keep the newest releases per project" name="keepNewest" inputMode="numeric" defaultValue={initial['keepNewest']} error={errors['keepNewest']} hint="Older ones may go. Empty: no such rule." />
            <TextField label="Pre and dev releases older than (days)" name="preOlderThanDays" inputMode="numeric" defaultValue={initial['preOlderThanDays']} error={errors['preOlderThanDays']} hint="By upload time in devpi's file log; only pre-releases and dev releases." />
          </div>
          <TextField label="Versions matching" name="versionPattern" defaultValue={initial['versionPattern']} placeholder="*.dev*" error={errors['versionPattern']} hint="* any text, ? one character. Rules that select releases must all hold; the newest N are always kept." />
          <div className="form-row">
            <TextField label="Only projects matching" name="includeProjects" defaultValue={initial['includeProjects']} placeholder="acme-*" error={errors['includeProjects']} hint="Patterns; empty means every project." />
            <TextField label="Never projects matching" name="excludeProjects" defaultValue={initial['excludeProjects']} error={errors['excludeProjects']} />
          </div>
          <CheckboxField label="May also remove a project's newest final release" name="allowNewestFinal" hint="Off by default: the newest final release of every project stays." />
        </>
      )}
    </JobFormFrame>
  );
}
