import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { DASHBOARD_BASE } from '@devpi-dashboard/dashboard-api';
import { SESSION_COOKIE, SessionSealer, type SessionData } from './session-cookie.js';
import type { SessionRevocations } from './session-revocations.js';

/** Seconds shaved off devpi's token lifetime so the cookie dies before the token does. */
const EXPIRY_MARGIN_S = 60;
/** Re-seal the cookie (sliding idle window) at most this often, to keep responses cheap. */
const TOUCH_EVERY_S = 60;

export interface SessionSettings {
  secret: string;
  maxAgeS: number;
  idleS: number;
  secure: boolean;
  /** Epoch milliseconds; injected so tests move time without sleeping. */
  now: () => number;
}

/** Why a presented cookie was not accepted. */
export type SessionRejection = 'expired' | 'idle' | 'logged_out' | 'invalid';

export type SessionLookup =
  | { state: 'none' }
  | { state: 'active'; session: SessionData }
  | { state: 'rejected'; reason: SessionRejection };

/**
 * Stateless sessions in an encrypted cookie, plus the store's list of logged-out session ids,
 * shared by every replica: a logout anywhere ends the session everywhere.
 */
export class SessionManager {
  private readonly sealer: SessionSealer;

  constructor(
    private readonly settings: SessionSettings,
    private readonly revocations: SessionRevocations,
  ) {
    this.sealer = new SessionSealer(settings.secret);
  }

  get idleS(): number {
    return this.settings.idleS;
  }

  private nowS(): number {
    return Math.floor(this.settings.now() / 1000);
  }

  async lookup(req: Request): Promise<SessionLookup> {
    const header = req.headers.cookie;
    if (header === undefined) return { state: 'none' };
    const value = parseCookies(header)[SESSION_COOKIE];
    if (value === undefined || value === '') return { state: 'none' };
    const session = this.sealer.open(value);
    if (session === undefined) return { state: 'rejected', reason: 'invalid' };
    const now = this.nowS();
    if (now >= session.exp) return { state: 'rejected', reason: 'expired' };
    if (now - session.seen >= this.settings.idleS) return { state: 'rejected', reason: 'idle' };
    if (await this.revocations.isRevoked(session.sid)) return { state: 'rejected', reason: 'logged_out' };
    return { state: 'active', session };
  }

  /** Starts a session for a fresh devpi token that lives `tokenLifetimeS` from now. */
  issue(res: Response, user: string, token: string, tokenLifetimeS: number): SessionData {
    const now = this.nowS();
    const lifetime = Math.min(this.settings.maxAgeS, tokenLifetimeS - EXPIRY_MARGIN_S);
    const session: SessionData = { sid: randomBytes(16).toString('base64url'), user, token, iat: now, exp: now + lifetime, seen: now };
    this.write(res, session);
    return session;
  }

  /** Slides the idle window forward; cheap no-op when the cookie was refreshed recently. */
  touch(res: Response, session: SessionData): void {
    if (this.nowS() - session.seen < TOUCH_EVERY_S) return;
    this.write(res, { ...session, seen: this.nowS() });
  }

  /** Logs out: every replica refuses the session id from now on; the browser drops the cookie. */
  async revoke(res: Response, session: SessionData): Promise<void> {
    this.clear(res);
    await this.revocations.revoke(session.sid, session.exp);
  }

  /** Replaces a session by a new one for the same user (a fresh devpi token); the old id is refused. */
  async rotate(res: Response, session: SessionData, token: string, tokenLifetimeS: number): Promise<SessionData> {
    await this.revocations.revoke(session.sid, session.exp);
    return this.issue(res, session.user, token, tokenLifetimeS);
  }

  clear(res: Response): void {
    res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { ...this.cookieOptions(), maxAge: 0, expires: new Date(0) }));
  }

  private write(res: Response, session: SessionData): void {
    const maxAge = Math.max(0, Math.min(session.exp - this.nowS(), this.settings.idleS));
    res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, this.sealer.seal(session), { ...this.cookieOptions(), maxAge }));
  }

  private cookieOptions() {
    return { httpOnly: true, secure: this.settings.secure, sameSite: 'strict', path: DASHBOARD_BASE } as const;
  }
}
