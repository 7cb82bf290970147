import { isMirrorIndex, normalizeProjectName, parseFileHref, type DevpiClient, type IndexConfig, type VersionData, type VersionLink } from '@devpi-dashboard/devpi-client';
import type { Dependency, VersionView } from '@devpi-dashboard/dashboard-api';
import { renderDescription } from '../render/description.js';
import { docsLinks, linksIndex, releaseFile } from './file-facts.js';
import type { NameList } from './name-lists.js';
import { versionFacts } from './pep440-order.js';

/** Binary search in a sorted list's normalised names. */
export function hasName(list: NameList, name: string): boolean {
  const n = normalizeProjectName(name);
  let lo = 0;
  let hi = list.norm.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const here = list.norm[mid] as string;
    if (here === n) return true;
    if (here < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** `requests (>=2) ; extra == "socks"` → its project name. */
export function requirementName(requirement: string): string {
  return /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement.trim();
}

/** `Homepage, https://...` entries of Project-URL. */
export function projectUrls(entries: string[] | undefined): Array<{ label: string; url: string }> {
  return (entries ?? []).flatMap((entry) => {
    const at = entry.indexOf(',');
    const label = at < 0 ? '' : entry.slice(0, at).trim();
    const url = (at < 0 ? entry : entry.slice(at + 1)).trim();
    return /^https?:\/\//i.test(url) ? [{ label: label || url, url }] : [];
  });
}

const text = (value: string | undefined): string | undefined => (value && value.trim() !== '' && value !== 'UNKNOWN' ? value : undefined);

function keywords(value: VersionData['keywords']): string[] {
  if (Array.isArray(value)) return value.filter(Boolean);
  return (value ?? '').split(/[,\s]+/).filter(Boolean);
}

/** Files asked for their size per version page; a release with hundreds of wheels shows the rest as unknown. */
const maxSizeLookups = 40;

/**
 * devpi's JSON has no file sizes, so a HEAD request asks for them. Only files devpi stores (those
 * with an upload log): a HEAD on a mirror file devpi has not cached yet would fetch it upstream.
 */
async function sizeOf(client: DevpiClient, link: VersionLink, position: number): Promise<number | null> {
  const location = parseFileHref(link.href);
  if (!location || position >= maxSizeLookups || (link.log ?? []).length === 0) return null;
  return (await client.fileSize(location.user, location.index, location.path).catch(() => undefined)) ?? null;
}

export interface VersionInput {
  client: DevpiClient;
  user: string;
  index: string;
  project: string;
  version: string;
  config: IndexConfig;
  /** Every project visible on the index (own and inherited), for dependency links. */
  visible: () => Promise<NameList | undefined>;
  webAvailable: boolean;
  simpleUrl: string;
}

/** The version page: metadata, files with history, dependencies, docs and the rendered description. */
export async function versionView(input: VersionInput): Promise<VersionView | undefined> {
  const { client, user, index, project, version } = input;
  const data = await client.getVersion(user, index, project, version);
  if (!data) return undefined;
  const links = data['+links'] ?? [];
  const visible = (data.requires_dist ?? []).length > 0 ? await input.visible() : undefined;
  const requiresDist: Dependency[] = (data.requires_dist ?? []).map((raw) => {
    const name = requirementName(raw);
    return { raw, name, onIndex: visible ? hasName(visible, name) : false };
  });
  const name = `${user}/${index}`;
  return {
    name: data.name,
    version: data.version,
    index: name,
    sourceIndex: linksIndex(links) ?? name,
    isMirror: isMirrorIndex(input.config),
    prerelease: versionFacts(data.version).prerelease,
    summary: text(data.summary),
    author: text(data.author),
    authorEmail: text(data.author_email),
    maintainer: text(data.maintainer),
    maintainerEmail: text(data.maintainer_email),
    license: text(data.license_expression) ?? text(data.license),
    homePage: text(data.home_page),
    downloadUrl: text(data.download_url),
    requiresPython: text(data.requires_python),
    keywords: keywords(data.keywords),
    classifiers: data.classifiers ?? [],
    projectUrls: projectUrls(data.project_urls),
    requiresDist,
    files: await Promise.all(links.filter((l) => l.rel === 'releasefile').map(async (l, i) => releaseFile(l, await sizeOf(client, l, i)))),
    // devpi-web unpacks and serves doc zips; without it only the zip is there.
    docs: input.webAvailable ? docsLinks(links, data.name, data.version) : null,
    description: renderDescription(data.description ?? '', data.description_content_type),
    simpleUrl: input.simpleUrl,
  };
}
