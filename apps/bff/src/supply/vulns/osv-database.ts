import type { OsvAffected, OsvRecord } from './osv-entry.js';

export interface OsvMatchable {
  record: OsvRecord;
  affected: OsvAffected;
}

/** What a scan asks of a database: the entries that name a (normalised) package. */
export interface OsvLookup {
  forPackage(key: string): readonly OsvMatchable[];
}

/** Entries by normalised package name, the one lookup a scan makes per release and requirement. */
export class OsvDatabase implements OsvLookup {
  private readonly byKey = new Map<string, OsvMatchable[]>();
  private readonly ids = new Set<string>();

  /** Adds an entry once; a second entry with the same id (a dump and the API agreeing) is skipped. */
  add(record: OsvRecord): void {
    if (this.ids.has(record.id)) return;
    this.ids.add(record.id);
    for (const affected of record.affected) {
      const list = this.byKey.get(affected.key);
      if (list === undefined) this.byKey.set(affected.key, [{ record, affected }]);
      else list.push({ record, affected });
    }
  }

  forPackage(key: string): readonly OsvMatchable[] {
    return this.byKey.get(key) ?? [];
  }

  get size(): number {
    return this.ids.size;
  }
}
