import { z } from 'zod';
import { NAME_MAX_LENGTH } from './paging.js';

/** `POST /+dashboard/api/session`. An empty password is allowed: a fresh devpi's root has one. */
export const loginRequestSchema = z.object({
  user: z.string().min(1).max(NAME_MAX_LENGTH),
  password: z.string().max(4096),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** `GET`/`POST /+dashboard/api/session`: who am I, plus the flags the SPA needs. */
export const sessionSchema = z.object({
  authenticated: z.boolean(),
  user: z.string().nullable(),
  isRoot: z.boolean(),
  /** Only computed for root's own session (null otherwise): root can still log in with "". */
  rootPasswordEmpty: z.boolean().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  idleTimeoutS: z.number().int().positive(),
});
export type Session = z.infer<typeof sessionSchema>;
