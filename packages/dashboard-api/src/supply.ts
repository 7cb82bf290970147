import { z } from 'zod';

/** How devpi combines the whitelists along the bases (`mirror_whitelist_inheritance`). */
export const whitelistInheritanceSchema = z.enum(['intersection', 'union']);
export type WhitelistInheritance = z.infer<typeof whitelistInheritanceSchema>;

/** One `mirror_whitelist` list operation that changes what pip gets for one name. */
export const whitelistFixSchema = z.object({
  /** The index whose `mirror_whitelist` changes. */
  index: z.string(),
  op: z.enum(['add', 'remove']),
  /** The entry added or removed: the normalised name, or `*`. */
  value: z.string(),
  /** devpi's list operation, e.g. `mirror_whitelist-=acme-widgets`. */
  operation: z.string(),
  label: z.string(),
});
export type WhitelistFix = z.infer<typeof whitelistFixSchema>;

/** A private project whose normalised name also exists on a mirror the index inherits from. */
export const confusionFindingSchema = z.object({
  project: z.string(),
  /** The stages (in resolution order) that hold the private releases. */
  privateOn: z.array(z.string()),
  mirror: z.string(),
  /** `private`: pip gets only the private releases; `mixed`: the mirror's releases too. */
  pipGets: z.enum(['private', 'mixed']),
  /** Which index's whitelist entry lets the mirror in (`*` or the name), when it does. */
  whitelistedBy: z.object({ index: z.string(), entry: z.string() }).nullable(),
  risk: z.string(),
  /** Highest private and upstream versions, when known (one simple-page read per flagged name). */
  privateLatest: z.string().nullable(),
  upstreamLatest: z.string().nullable(),
  upstreamHigher: z.boolean(),
  fix: whitelistFixSchema,
});
export type ConfusionFinding = z.infer<typeof confusionFindingSchema>;

export const supplyWarningSchema = z.object({
  code: z.enum(['whitelist_star', 'upstream_higher_version']),
  index: z.string(),
  project: z.string().optional(),
  message: z.string(),
});
export type SupplyWarning = z.infer<typeof supplyWarningSchema>;

export const guardIndexSchema = z.object({
  index: z.string(),
  mirrors: z.array(z.string()),
  inheritance: whitelistInheritanceSchema,
  whitelist: z.array(z.string()),
  privateProjects: z.number().int(),
  findings: z.array(confusionFindingSchema),
  warnings: z.array(supplyWarningSchema),
});
export type GuardIndex = z.infer<typeof guardIndexSchema>;

/** `GET /supply/guard[?index=u/i]`: every stage index that inherits from a mirror. */
export const guardReportSchema = z.object({
  indexes: z.array(guardIndexSchema),
  /** Mirrors whose name list is not loaded (devpi refused or failed): their checks are missing. */
  unavailableMirrors: z.array(z.object({ mirror: z.string(), message: z.string() })),
});
export type GuardReport = z.infer<typeof guardReportSchema>;
export const guardQuerySchema = z.object({ index: z.string().optional() });

/** `GET /supply/graph`: indexes and their bases, as devpi resolves them. */
export const graphNodeSchema = z.object({
  name: z.string(),
  type: z.string(),
  whitelist: z.array(z.string()),
  /** A base that some index names but devpi does not have. */
  missing: z.boolean(),
});
export const graphEdgeSchema = z.object({
  /** `base`: `to` is in `from`'s bases; `whitelist`: `from`'s whitelist lets these names of mirror `to` in. */
  kind: z.enum(['base', 'whitelist']),
  from: z.string(),
  to: z.string(),
  /** Position of `to` in `from`'s `bases` (1-based), or in `from`'s resolution order for a whitelist edge. */
  order: z.number().int(),
  missing: z.boolean(),
  entries: z.array(z.string()),
});
export const basesGraphSchema = z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) });
export type BasesGraph = z.infer<typeof basesGraphSchema>;

export const resolveQuerySchema = z.object({
  requirement: z.string().trim().min(1, 'Enter a requirement such as acme-widgets>=2,<3').max(600),
  pre: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const resolveFileSchema = z.object({
  filename: z.string(),
  version: z.string(),
  kind: z.enum(['wheel', 'sdist', 'other']),
  yanked: z.boolean(),
  requiresPython: z.string().nullable(),
  /** The index serving this file (where devpi finds it first). */
  servedBy: z.string(),
  url: z.string(),
  /** Why pip would not take it, or null when it is a candidate. */
  excluded: z.string().nullable(),
});
export type ResolveFile = z.infer<typeof resolveFileSchema>;

export const resolveStepSchema = z.object({
  index: z.string(),
  type: z.string(),
  /** `serves`: its releases are on the simple page; `blocked`: the whitelist keeps them out. */
  state: z.enum(['serves', 'shadowed', 'blocked', 'absent', 'missing', 'unreadable']),
  versions: z.array(z.object({ version: z.string(), files: z.array(z.object({ filename: z.string(), shadowedBy: z.string().nullable() })) })),
  note: z.string(),
});

export const resolveAnswerSchema = z.object({
  index: z.string(),
  project: z.string(),
  requirement: z.string(),
  specifier: z.string(),
  pre: z.boolean(),
  /** The interpreter and tags the pick assumes. */
  assumes: z.object({ python: z.string(), tags: z.string() }),
  steps: z.array(resolveStepSchema),
  files: z.array(resolveFileSchema),
  pick: z.object({ version: z.string(), filename: z.string(), url: z.string(), servedBy: z.string(), reason: z.string() }).nullable(),
  message: z.string(),
});
export type ResolveAnswer = z.infer<typeof resolveAnswerSchema>;
