import { isMirrorIndex } from '@devpi-dashboard/devpi-client';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { JsonView } from '../../../components/ui/json-view';
import { Loading } from '../../../components/ui/loading';
import { indexDetailQueryOptions, indexJsonQueryOptions } from '../../../features/indexes/api/indexes';
import { describeError } from '../../../lib/errors';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';
import { loadIndex } from './index-context';

export const loader = loadIndex;

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data: config } = useSuspenseQuery(indexDetailQueryOptions(user, index));
  const type = isMirrorIndex(config) ? 'mirror' : 'stage';
  const json = useQuery(indexJsonQueryOptions(user, index, type));
  return (
    <>
      <IndexHeader
        user={user}
        index={index}
        title={<>Raw JSON of <span className="mono">{user}/{index}</span></>}
        description={<>What <code>devpi getjson /{user}/{index}</code> prints{type === 'mirror' ? ', without the mirror’s project list (it can run to megabytes)' : ''}.</>}
      />
      {json.isPending && <Loading label="Loading the JSON" />}
      {json.error && <Alert tone="error">{describeError(json.error)}</Alert>}
      {json.data !== undefined && <JsonView value={{ type: 'indexconfig', result: json.data }} label={`JSON of index ${user}/${index}`} />}
    </>
  );
}
