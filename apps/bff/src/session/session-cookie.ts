import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const SESSION_COOKIE = 'devpi_dashboard_session';
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What the encrypted cookie holds. Times are epoch seconds. */
export const sessionDataSchema = z.object({
  sid: z.string().min(16),
  user: z.string().min(1),
  token: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  /** Last time a request used the session (idle timeout). */
  seen: z.number().int(),
});
export type SessionData = z.infer<typeof sessionDataSchema>;

/**
 * AES-256-GCM with a key derived from SESSION_SECRET by HKDF: every replica that shares the secret
 * can read the cookie, and nobody without it can read or forge one. The cookie name is bound in as
 * associated data so the ciphertext cannot be replayed under another name.
 */
export class SessionSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'devpi-dashboard', 'session-cookie-v1', 32));
  }

  seal(data: SessionData): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(SESSION_COOKIE));
    const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** Returns undefined for anything not sealed by us with this secret (tampered, old format, garbage). */
  open(value: string): SessionData | undefined {
    const raw = Buffer.from(value, 'base64url');
    if (raw.length < 1 + IV_BYTES + TAG_BYTES + 2 || raw[0] !== VERSION) return undefined;
    const iv = raw.subarray(1, 1 + IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const body = raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(SESSION_COOKIE));
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      const parsed = sessionDataSchema.safeParse(JSON.parse(plain));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
