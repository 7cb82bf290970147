import { createHash, randomUUID } from 'node:crypto';
import type { PasswordHash } from './auth.js';
import type { TokenRecord } from './tokens.js';
import type { SimClock } from './clock.js';
import { httpDate, isoSeconds } from './clock.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface LogEntry { what: string; who: string | null; when: number[]; dst?: string; src?: string }

export interface FileLink {
  rel: 'releasefile' | 'doczip' | 'toxresult';
  basename: string;
  sha256: string;
  /** `user/index/+f/<3 hex>/<13 hex>/<basename>`, the path devpi serves the file under. */
  relpath: string;
  log: LogEntry[];
  lastModified: string;
  /** For a toxresult: the release file it reports on. */
  forRelpath?: string;
}

export interface VersionRec { metadata: JsonObject; links: FileLink[] }
export interface ProjectRec { name: string; versions: Map<string, VersionRec> }

export interface StoredFile { content: Buffer; sha256: string; project: string; version: string; lastModified: string }

export interface MirrorLink { basename: string; url: string; sha256?: string; requiresPython?: string; version: string; relpath: string }

export interface MirrorState {
  /** Upstream project names (normalised name -> display name), cached for mirror_cache_expiry. */
  names?: Map<string, string>;
  namesFetchedAt?: number;
  namesFailed?: boolean;
  /** A fetch of the name list in flight, shared by concurrent requests. */
  namesPending?: Promise<Map<string, string>>;
  /** Names as first indexed, what devpi-web's search index knows about. */
  searchNames?: string[];
  projects: Map<string, { links: MirrorLink[]; fetchedAt: number }>;
}

export interface IndexRec { user: string; name: string; config: JsonObject; projects: Map<string, ProjectRec>; mirror?: MirrorState }

export interface UserRec {
  username: string;
  password: PasswordHash;
  created: string;
  modified?: string;
  fields: JsonObject;
  indexes: Map<string, IndexRec>;
  /** devpi-tokens' records (id -> key and restrictions), kept in the user record but never shown in it. */
  tokens?: Map<string, TokenRecord>;
}

/** All server state. Every mutation calls `commit()`, which moves the serial on like devpi's keyfs. */
export class Store {
  readonly uuid = randomUUID().replace(/-/g, '');
  readonly users = new Map<string, UserRec>();
  readonly files = new Map<string, StoredFile>();
  serial = 0;
  lastCommitMs: number;

  constructor(readonly clock: SimClock) {
    this.lastCommitMs = clock.nowMs();
  }

  commit(): void {
    this.serial += 1;
    this.lastCommitMs = this.clock.nowMs();
  }

  now(): string {
    return isoSeconds(this.clock.nowMs());
  }

  getIndex(user: string, index: string): IndexRec | undefined {
    return this.users.get(user)?.indexes.get(index);
  }

  getIndexByName(name: string): IndexRec | undefined {
    const [user, index] = name.split('/');
    return user && index ? this.getIndex(user, index) : undefined;
  }

  allIndexes(): IndexRec[] {
    return [...this.users.values()].flatMap((u) => [...u.indexes.values()]);
  }

  storeFile(ix: IndexRec, project: string, version: string, basename: string, content: Buffer): { sha256: string; relpath: string; lastModified: string } {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const relpath = `${ix.user}/${ix.name}/+f/${sha256.slice(0, 3)}/${sha256.slice(3, 16)}/${basename}`;
    const lastModified = httpDate(this.clock.nowMs());
    this.files.set(relpath, { content, sha256, project, version, lastModified });
    return { sha256, relpath, lastModified };
  }

  userConfig(user: UserRec): JsonObject {
    const indexes: JsonObject = {};
    for (const [name, ix] of user.indexes) indexes[name] = { ...ix.config };
    const result: JsonObject = { ...user.fields, created: user.created, indexes, username: user.username };
    if (user.modified) result['modified'] = user.modified;
    return result;
  }
}

export function indexName(ix: IndexRec): string {
  return `${ix.user}/${ix.name}`;
}

export function isMirror(ix: IndexRec): boolean {
  return ix.config['type'] === 'mirror';
}

export function stringList(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
