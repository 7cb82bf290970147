import { envelope } from './envelope.js';
import { ActionLog, ReleaseFileMeta } from './files.js';
import { IndexConfig } from './index-config.js';
import { ProjectConfig, VersionData } from './project.js';
import { ApiConfig, ProxyAuth, StatusAnswer } from './server.js';
import { TokenInfo, TokensInfo } from './tokens.js';
import { RootListing, UserConfig } from './user.js';

/**
 * devpi's success envelope for every `type` it answers with (API.md, API-tokens.md), each built once
 * here: zod compiles a schema on its first parse (150-250 µs, against 3-5 µs for a parse with a held
 * schema), which an envelope made per request would pay every time.
 */
export const Answer = {
  'list:userconfig': envelope('list:userconfig', RootListing),
  userconfig: envelope('userconfig', UserConfig),
  indexconfig: envelope('indexconfig', IndexConfig),
  projectconfig: envelope('projectconfig', ProjectConfig),
  versiondata: envelope('versiondata', VersionData),
  apiconfig: envelope('apiconfig', ApiConfig),
  proxyauth: envelope('proxyauth', ProxyAuth),
  userpassword: envelope('userpassword', ProxyAuth),
  status: envelope('status', StatusAnswer),
  releasefilemeta: envelope('releasefilemeta', ReleaseFileMeta),
  actionlog: envelope('actionlog', ActionLog),
  'token-info': envelope('token-info', TokenInfo),
  'tokens-info': envelope('tokens-info', TokensInfo),
} as const;
