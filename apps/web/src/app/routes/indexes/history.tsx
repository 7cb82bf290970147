import { useState } from 'react';
import { HistoryPanel } from '../../../features/history/components/history-panel';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const [offset, setOffset] = useState(0);
  return (
    <>
      <IndexHeader user={user} index={index} title={<>History of <span className="mono">{user}/{index}</span></>} description="Changes to this index, its permissions and its packages." />
      <HistoryPanel filter={{ index: `${user}/${index}` }} offset={offset} onPage={setOffset} />
    </>
  );
}
