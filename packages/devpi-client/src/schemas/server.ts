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

/**
 * What a devpi-server running the devpi-admin plugin answers an anonymous `GET /+status` instead:
 * health only, `{"status": "ok"}` or `{"status": "fatal"}` in the usual envelope, marked
 * `Cache-Control: private, no-store` (devpi-admin's `_filter_status`, devpi_admin/main.py). No
 * transcript records it; signed-in callers get the full answer.
 */
export const WithheldStatus = z.object({ status: z.enum(['ok', 'fatal']) }).loose();
export type WithheldStatus = z.infer<typeof WithheldStatus>;

/** `GET /+status` as any caller may see it: devpi's full answer, or the health that devpi-admin leaves anonymous callers. */
export const StatusAnswer = z.union([Status, WithheldStatus]);
export type StatusAnswer = Status | WithheldStatus;

/** Whether devpi gave the full status rather than health only. */
export function isFullStatus(answer: StatusAnswer): answer is Status {
  return 'serial' in answer && typeof answer.serial === 'number';
}
