/** One ready-to-paste piece of client configuration. */
export interface Snippet {
  id: string;
  title: string;
  /** Where it goes, in words ("~/.config/pip/pip.conf"). */
  where: string;
  text: string;
}

export interface SnippetInput {
  /** devpi's URL as clients see it (through the load balancer), from /+dashboard/api/config. */
  publicUrl: string;
  user: string;
  index: string;
  /** Who uploads; a placeholder when nobody is signed in. */
  uploader?: string | null;
}

/** URLs derived once: the index, its simple page, and the host pip must trust when not on TLS. */
export function indexUrls({ publicUrl, user, index }: SnippetInput) {
  const base = publicUrl.replace(/\/+$/, '');
  const indexUrl = `${base}/${user}/${index}/`;
  const url = new URL(base);
  return {
    base,
    indexUrl,
    simpleUrl: `${indexUrl}+simple/`,
    host: url.hostname,
    // pip refuses plain http unless told to trust the host; with https that flag only hides mistakes.
    insecure: url.protocol === 'http:',
  };
}

const lines = (...parts: (string | false | undefined)[]) => parts.filter((part): part is string => typeof part === 'string').join('\n');

export function clientSnippets(input: SnippetInput): Snippet[] {
  const { indexUrl, simpleUrl, host, insecure } = indexUrls(input);
  const uploader = input.uploader || 'YOUR-DEVPI-USER';
  const name = `${input.user}-${input.index}`.replace(/[^A-Za-z0-9-]/g, '-');
  const pipConf = lines(
    '[global]',
    `index-url = ${simpleUrl}`,
    insecure && `trusted-host = ${host}`,
    '',
    '[search]',
    `index = ${indexUrl}`,
  );
  return [
    { id: 'pip-conf', title: 'pip.conf', where: 'Linux and macOS: ~/.config/pip/pip.conf (or /etc/pip.conf for every user)', text: pipConf },
    { id: 'pip-ini', title: 'pip.ini', where: 'Windows: %APPDATA%\\pip\\pip.ini', text: pipConf },
    {
      id: 'pip-env',
      title: 'PIP_INDEX_URL',
      where: 'Environment of a shell or a CI job; or one command',
      text: lines(
        `export PIP_INDEX_URL=${simpleUrl}`,
        insecure && `export PIP_TRUSTED_HOST=${host}`,
        '',
        `pip install --index-url ${simpleUrl}${insecure ? ` --trusted-host ${host}` : ''} PACKAGE`,
      ),
    },
    {
      id: 'pydistutils',
      title: '.pydistutils.cfg',
      where: '~/.pydistutils.cfg, for easy_install and setup.py based tools',
      text: lines('[easy_install]', `index_url = ${simpleUrl}`),
    },
    {
      id: 'pypirc',
      title: '.pypirc',
      where: '~/.pypirc; then twine upload -r devpi dist/*',
      text: lines(
        '[distutils]',
        'index-servers =',
        '    pypi',
        '    devpi',
        '',
        '[pypi]',
        'username = __token__',
        '',
        '[devpi]',
        `repository = ${indexUrl}`,
        `username = ${uploader}`,
      ),
    },
    {
      id: 'twine-env',
      title: 'twine environment variables',
      where: 'CI jobs that upload',
      text: lines(
        `export TWINE_REPOSITORY_URL=${indexUrl}`,
        `export TWINE_USERNAME=${uploader}`,
        'export TWINE_PASSWORD=...   # the devpi password of that user, from a secret',
        'twine upload dist/*',
      ),
    },
    {
      id: 'uv',
      title: 'uv',
      where: 'pyproject.toml (or uv.toml without the tool.uv prefix); then uv publish --index devpi',
      text: lines(
        '[[tool.uv.index]]',
        'name = "devpi"',
        `url = "${simpleUrl}"`,
        `publish-url = "${indexUrl}"`,
        'default = true',
        insecure && '',
        insecure && '[tool.uv]',
        insecure && `allow-insecure-host = ["${host}"]`,
      ),
    },
    {
      id: 'poetry',
      title: 'poetry',
      where: 'In the project directory',
      text: lines(
        `poetry source add --priority=primary devpi ${simpleUrl}`,
        `poetry config repositories.devpi ${indexUrl}`,
        `poetry publish --repository devpi --username ${uploader}`,
      ),
    },
    {
      id: 'pdm',
      title: 'pdm',
      where: 'pyproject.toml; then pdm publish --repository devpi',
      text: lines(
        '[[tool.pdm.source]]',
        'name = "devpi"',
        `url = "${simpleUrl}"`,
        insecure && 'verify_ssl = false',
        '',
        `# pdm config repository.devpi.url ${indexUrl}`,
        `# pdm config repository.devpi.username ${uploader}`,
      ),
    },
    {
      id: 'devpi-use',
      title: 'devpi-client',
      where: 'devpi use, login and upload from the devpi command line',
      text: lines(`devpi use ${indexUrl}`, `devpi login ${uploader}`, 'devpi upload', '', `# write pip.conf, .pydistutils.cfg and friends for ${name}:`, `devpi use --set-cfg ${indexUrl}`),
    },
  ];
}

/** A devpi-tokens token and the user it belongs to: what CI puts where a password would go. */
export interface TokenCredential {
  user: string;
  token: string;
}

/**
 * pip, uv, poetry, twine and `.pypirc` set up to use a token instead of a password. devpi takes the
 * token wherever it takes a password, with the token's own user as the user name.
 */
export function tokenSnippets(input: SnippetInput & { credential: TokenCredential }): Snippet[] {
  const { indexUrl, simpleUrl, host, insecure } = indexUrls(input);
  const { user, token } = input.credential;
  const withAuth = (url: string) => {
    const parsed = new URL(url);
    parsed.username = encodeURIComponent(user);
    parsed.password = token;
    return parsed.toString();
  };
  const simpleWithAuth = withAuth(simpleUrl);
  return [
    {
      id: 'token-pip',
      title: 'pip',
      where: 'Environment of the CI job (keep the token in the CI secret store), then pip install as usual',
      text: lines(
        `export PIP_INDEX_URL=${simpleWithAuth}`,
        insecure && `export PIP_TRUSTED_HOST=${host}`,
        '',
        'pip install PACKAGE',
      ),
    },
    {
      id: 'token-uv',
      title: 'uv',
      where: 'Environment of the CI job; uv reads the index and the upload target from it',
      text: lines(
        `export UV_DEFAULT_INDEX=${simpleWithAuth}`,
        insecure && `export UV_INSECURE_HOST=${host}`,
        'uv sync    # or uv pip install PACKAGE',
        '',
        `export UV_PUBLISH_URL=${indexUrl}`,
        `export UV_PUBLISH_USERNAME=${user}`,
        `export UV_PUBLISH_PASSWORD=${token}`,
        'uv publish',
      ),
    },
    {
      id: 'token-poetry',
      title: 'poetry',
      where: 'In the project directory of the CI job',
      text: lines(
        `poetry source add --priority=primary devpi ${simpleUrl}`,
        `poetry config repositories.devpi ${indexUrl}`,
        `poetry config http-basic.devpi ${user} ${token}`,
        'poetry publish --repository devpi',
      ),
    },
    {
      id: 'token-twine',
      title: 'twine',
      where: 'Environment of the CI job that uploads',
      text: lines(`export TWINE_REPOSITORY_URL=${indexUrl}`, `export TWINE_USERNAME=${user}`, `export TWINE_PASSWORD=${token}`, 'twine upload dist/*'),
    },
    {
      id: 'token-pypirc',
      title: '.pypirc',
      where: '~/.pypirc (readable by you only: chmod 600); then twine upload -r devpi dist/*',
      text: lines('[distutils]', 'index-servers =', '    devpi', '', '[devpi]', `repository = ${indexUrl}`, `username = ${user}`, `password = ${token}`),
    },
  ];
}
