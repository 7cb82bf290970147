/** A clock the tests can move forward, so cache expiry and token lifetimes run without sleeping. */
export class SimClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** devpi's `created`/`modified` format: `2026-11-24T08:27:18Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The upload log's `when`: `[Y, M, D, h, m, s]` in UTC. */
export function whenTuple(ms: number): number[] {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
}

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
