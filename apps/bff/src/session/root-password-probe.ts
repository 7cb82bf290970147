import { DevpiError, type DevpiClient } from '@devpi-dashboard/devpi-client';

const TTL_MS = 30_000;

/**
 * Does root still log in with an empty password (a fresh devpi-init)? Found out the only way
 * devpi allows, by trying it, and cached briefly so that "who am I" does not hammer /+login.
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
      () => true,
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
    this.cached = { at: this.now(), value: Promise.resolve(empty) };
  }
}
