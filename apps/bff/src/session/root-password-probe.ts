import { DevpiError, type DevpiClient } from '@devpi-dashboard/devpi-client';

const TTL_MS = 30_000;

/**
 * Does root still log in with an empty password (a fresh devpi-init)? Found out the only way
 * devpi allows, by trying it. Only "a password is set" is cached: replicas do not share this cache,
 * so a cached "empty" would keep warning on the other replicas after root has set one. While root's
 * password is empty, each "who am I" by root asks devpi again (concurrent asks share one login).
 */
export class RootPasswordProbe {
  private cached: { at: number; value: Promise<boolean> } | undefined;

  constructor(
    private readonly devpi: DevpiClient,
    private readonly now: () => number,
  ) {}

  isEmpty(): Promise<boolean> {
    if (this.cached !== undefined && this.now() - this.cached.at < TTL_MS) return this.cached.value;
    const value = this.devpi.login('root', '').then(
      () => {
        this.cached = undefined;
        return true;
      },
      (error: unknown) => {
        if (error instanceof DevpiError && error.status === 401) return false;
        this.cached = undefined; // do not remember an outage as an answer
        throw error;
      },
    );
    this.cached = { at: this.now(), value };
    return value;
  }

  /** What a login just proved; saves the next probe. */
  remember(empty: boolean): void {
    this.cached = empty ? undefined : { at: this.now(), value: Promise.resolve(false) };
  }
}
