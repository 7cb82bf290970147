import { z } from 'zod';

/** `GET /+dashboard/api/config`: public settings for the SPA. */
export const dashboardConfigSchema = z.object({
  /** devpi's URL as pip/twine users see it (through the load balancer). */
  publicUrl: z.string(),
  /** devpi-web is installed, so `/+search` exists. */
  searchAvailable: z.boolean(),
  version: z.string(),
  devpiVersion: z.string().nullable(),
});
export type DashboardConfig = z.infer<typeof dashboardConfigSchema>;
