import { DevpiError, type DevpiClient } from '@devpi-dashboard/devpi-client';

/** "A password is set" is believed this long before devpi is asked again. */
const SET_TTL_MS = 30_000;
/** "Still empty" is answered at once, without waiting for devpi, while it is younger than this... */
const EMPTY_SERVED_MS = 120_000;
/** ...and an ask that finds it older than this starts a fresh probe beside the answer. */
const EMPTY_REFRESH_MS = 30_000;

/**
 * Does root still log in with an empty password (a fresh devpi-init)? Found out the only way
 * devpi allows, by trying it, which costs devpi a password hash (about 200 ms).
 *
 * "A password is set" is cached for 30 s. "Still empty" is answered at once from what the last probe
 * found while that is under two minutes old, and an ask more than 30 s after that probe starts the
 * next one in the background: root's pages do not wait on devpi's hashing, and devpi hashes at most
 * about once per 30 s for this replica. Replicas do not share this cache, so after root sets a
 * password through another replica this one may warn on asks within the next 30 s and on one more
 * after. A password change through this replica forgets the answer at once.
 */
export class RootPasswordProbe {
  private known: { empty: boolean; at: number } | undefined;
  private inFlight: { generation: number; value: Promise<boolean> } | undefined;
  /** Bumped by what overrides a probe (a login, a password change): a probe started before is not kept. */
  private generation = 0;

  constructor(
    private readonly devpi: DevpiClient,
    private readonly now: () => number,
  ) {}

  isEmpty(): Promise<boolean> {
    const known = this.known;
    const age = known === undefined ? Infinity : this.now() - known.at;
    if (known?.empty === false && age < SET_TTL_MS) return Promise.resolve(false);
    if (known?.empty === true && age < EMPTY_SERVED_MS) {
      // an outage during the background probe keeps the answer held until it ages out
      if (age >= EMPTY_REFRESH_MS) this.probe().catch(() => undefined);
      return Promise.resolve(true);
    }
    return this.probe();
  }

  /** What a login just proved; saves the next probe. */
  remember(empty: boolean): void {
    this.generation += 1;
    this.known = { empty, at: this.now() };
  }

  /** Root's password changed here: the next ask finds out afresh. */
  forget(): void {
    this.generation += 1;
    this.known = undefined;
  }

  /** One login attempt at a time (per generation); concurrent asks share it. An outage is not remembered as an answer. */
  private probe(): Promise<boolean> {
    const generation = this.generation;
    if (this.inFlight?.generation === generation) return this.inFlight.value;
    const probe = this.devpi
      .login('root', '')
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof DevpiError && error.status === 401) return false;
          throw error;
        },
      )
      .then((empty) => {
        if (generation === this.generation) this.known = { empty, at: this.now() };
        return empty;
      })
      .finally(() => {
        if (this.inFlight?.value === probe) this.inFlight = undefined;
      });
    this.inFlight = { generation, value: probe };
    return probe;
  }
}
