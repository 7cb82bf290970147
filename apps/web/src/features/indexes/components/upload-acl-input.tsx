import { ANONYMOUS, AUTHENTICATED, normalizePrincipal } from '@devpi-dashboard/devpi-client';
import { ChipsInput } from '../../../components/ui/chips-input';

interface Props {
  values: string[];
  onChange: (list: string[]) => void;
  userNames: string[];
  error?: string | undefined;
}

/** acl_upload as chips, suggesting devpi's special principals and the known users. */
export function UploadAclInput({ values, onChange, userNames, error }: Props) {
  return (
    <ChipsInput
      label="Who may upload (acl_upload)"
      itemLabel="uploader"
      values={values}
      onChange={onChange}
      suggestions={[ANONYMOUS, AUTHENTICATED, ...userNames]}
      normalize={normalizePrincipal}
      error={error}
      hint="User names, :ANONYMOUS: (anyone, even without signing in), :AUTHENTICATED: (any signed-in user) or :group from an auth plugin. Root and the owner are not included automatically."
    />
  );
}
