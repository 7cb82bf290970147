import { z } from 'zod';

const Meta = z.object({ 'api-version': z.string() }).loose();

/** PEP 691 JSON project list (`GET /<u>/<i>/+simple/`). */
export const Pep691Index = z
  .object({ meta: Meta, projects: z.array(z.object({ name: z.string() }).loose()) })
  .loose();
export type Pep691Index = z.infer<typeof Pep691Index>;

/** One file on a PEP 691 project page. devpi's `url` is relative (`../../+f/...`). */
export const Pep691File = z
  .object({
    filename: z.string(),
    url: z.string(),
    hashes: z.record(z.string(), z.string()),
    'requires-python': z.string().nullable().optional(),
    yanked: z.union([z.boolean(), z.string()]).optional(),
    'core-metadata': z.union([z.boolean(), z.record(z.string(), z.string())]).optional(),
    'dist-info-metadata': z.union([z.boolean(), z.record(z.string(), z.string())]).optional(),
  })
  .loose();
export type Pep691File = z.infer<typeof Pep691File>;

/** PEP 691 JSON project page (`GET /<u>/<i>/+simple/<p>/`). */
export const Pep691Project = z
  .object({ meta: Meta, name: z.string(), files: z.array(Pep691File) })
  .loose();
export type Pep691Project = z.infer<typeof Pep691Project>;
