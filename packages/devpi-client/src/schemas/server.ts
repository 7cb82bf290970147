import { z } from 'zod';

/** `POST /+login` (`proxyauth`) and password-changing `PATCH /<user>` (`userpassword`) result. */
export const ProxyAuth = z.object({ password: z.string(), expiration: z.number() }).loose();
export type ProxyAuth = z.infer<typeof ProxyAuth>;

/** `GET /+api` and `GET /<u>/<i>/+api`. `authstatus` is `[status, user, groups]`. */
export const ApiConfig = z
  .object({
    login: z.string(),
    authstatus: z.tuple([z.string(), z.string(), z.array(z.string())]),
    features: z.array(z.string()).optional(),
    index: z.string().optional(),
    simpleindex: z.string().optional(),
    pypisubmit: z.string().optional(),
  })
  .loose();
export type ApiConfig = z.infer<typeof ApiConfig>;

/** One `/+status` metric: `[name, "counter" | "gauge", value]`. */
export const StatusMetric = z.tuple([z.string(), z.string(), z.number()]);
export type StatusMetric = z.infer<typeof StatusMetric>;

/** `GET /+status`. Replicas add keys (replication state), so the object stays loose. */
export const Status = z
  .object({
    serverdir: z.string().optional(),
    uuid: z.string().optional(),
    versioninfo: z.record(z.string(), z.string()).optional(),
    host: z.string().optional(),
    port: z.number().optional(),
    'outside-url': z.string().nullable().optional(),
    serial: z.number(),
    'last-commit-timestamp': z.number().optional(),
    'event-serial': z.number().nullable().optional(),
    role: z.string(),
    metrics: z.array(StatusMetric).optional(),
  })
  .loose();
export type Status = z.infer<typeof Status>;
