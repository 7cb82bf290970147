import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { RootPasswordProbe } from './root-password-probe.js';

/**
 * A devpi /+login that accepts root with `password.current`, counting the attempts. While `hold` is
 * set, each answer waits for `release()`.
 */
function fakeDevpi(password: { current: string }) {
  const calls = { count: 0 };
  const gate = { hold: false, waiting: [] as (() => void)[] };
  const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.count += 1;
    const expected = password.current;
    if (gate.hold) await new Promise<void>((resolve) => gate.waiting.push(resolve));
    const body: unknown = JSON.parse(String(init?.body));
    const ok = typeof body === 'object' && body !== null && 'password' in body && body.password === expected;
    return ok
      ? Response.json({ type: 'proxyauth', result: { password: 'tok', expiration: 36000 }, message: 'login successful' })
      : Response.json({ message: "user 'root' could not be authenticated" }, { status: 401 });
  };
  const release = () => gate.waiting.splice(0).forEach((resolve) => resolve());
  return { client: new DevpiClient({ baseUrl: 'http://devpi.test', fetch }), calls, gate, release };
}

/** Lets pending promise chains (a background probe) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RootPasswordProbe', () => {
  it('answers "still empty" without waiting for devpi, and probes again beside the answer', async () => {
    const password = { current: '' };
    const { client, calls, gate, release } = fakeDevpi(password);
    const clock = { now: 0 };
    const probe = new RootPasswordProbe(client, () => clock.now);
    expect(await probe.isEmpty()).toBe(true);
    expect(calls.count).toBe(1);

    // within 30 s of the last probe: the held answer, and devpi is not asked
    clock.now = 20_000;
    expect(await probe.isEmpty()).toBe(true);
    expect(calls.count).toBe(1);

    // later: still answered at once, although devpi has not answered the new probe yet
    clock.now = 31_000;
    gate.hold = true;
    expect(await probe.isEmpty()).toBe(true);
    expect(calls.count).toBe(2);
    // concurrent asks share the probe in flight
    expect(await probe.isEmpty()).toBe(true);
    expect(calls.count).toBe(2);
    gate.hold = false;
    release();
    await settle();
  });

  it('notices within one ask that root got a password elsewhere (another replica), then caches that', async () => {
    const password = { current: '' };
    const { client, calls } = fakeDevpi(password);
    const clock = { now: 0 };
    const probe = new RootPasswordProbe(client, () => clock.now);
    expect(await probe.isEmpty()).toBe(true);
    password.current = 'set-through-another-replica';
    clock.now = 31_000;
    expect(await probe.isEmpty()).toBe(true); // the held answer; the probe beside it finds the password
    await settle();
    expect(await probe.isEmpty()).toBe(false);
    const asked = calls.count;
    clock.now = 50_000;
    expect(await probe.isEmpty()).toBe(false);
    expect(calls.count).toBe(asked);
  });

  it('never answers from an "empty" older than two minutes: that ask waits for devpi', async () => {
    const password = { current: '' };
    const { client, calls } = fakeDevpi(password);
    const clock = { now: 0 };
    const probe = new RootPasswordProbe(client, () => clock.now);
    expect(await probe.isEmpty()).toBe(true);
    password.current = 'set';
    clock.now = 121_000;
    expect(await probe.isEmpty()).toBe(false);
    expect(calls.count).toBe(2);
  });

  it('forgets at once when root changes the password here, even with a probe in flight', async () => {
    const password = { current: '' };
    const { client, gate, release } = fakeDevpi(password);
    const clock = { now: 0 };
    const probe = new RootPasswordProbe(client, () => clock.now);
    expect(await probe.isEmpty()).toBe(true);
    clock.now = 31_000;
    gate.hold = true;
    expect(await probe.isEmpty()).toBe(true); // starts a probe that will see the old, empty password
    password.current = 'new-secret';
    probe.forget();
    gate.hold = false;
    const fresh = probe.isEmpty(); // a probe of its own, not the stale one in flight
    release();
    expect(await fresh).toBe(false);
    await settle();
    expect(await probe.isEmpty()).toBe(false); // the stale probe's "empty" was not kept
  });

  it('takes what a login proved, "empty" or "set"', async () => {
    const password = { current: 'secret' };
    const { client, calls } = fakeDevpi(password);
    const probe = new RootPasswordProbe(client, () => 0);
    probe.remember(false);
    expect(await probe.isEmpty()).toBe(false);
    probe.remember(true);
    expect(await probe.isEmpty()).toBe(true);
    expect(calls.count).toBe(0);
  });

  it('does not remember an outage as an answer', async () => {
    let down = true;
    const fetch = async (): Promise<Response> => {
      if (down) throw new TypeError('fetch failed');
      return Response.json({ message: 'nope' }, { status: 401 });
    };
    const probe = new RootPasswordProbe(new DevpiClient({ baseUrl: 'http://devpi.test', fetch }), () => 0);
    await expect(probe.isEmpty()).rejects.toThrow();
    down = false;
    expect(await probe.isEmpty()).toBe(false);
  });
});
