import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { UserList } from '../../../features/users/components/user-list';
import { SearchBox } from '../../../components/ui/search-box';

export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to devpi. Anyone may register unless devpi runs with --restrict-modify."
        actions={<ButtonLink to={paths.users.create.to()} variant="primary">Create user</ButtonLink>}
      />
      <div className="toolbar">
        <SearchBox label="Search users" placeholder="Name, title or email" value={q} onSearch={(value) => setParams(value ? { q: value } : {}, { replace: true })} />
      </div>
      <UserList q={q} offset={offset} onPage={(next) => setParams({ ...(q && { q }), offset: String(next) })} />
    </>
  );
}
