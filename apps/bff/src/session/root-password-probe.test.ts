import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { RootPasswordProbe } from './root-password-probe.js';

/** A devpi /+login that accepts root with `password.current`, counting the attempts. */
function fakeDevpi(password: { current: string }) {
  const calls = { count: 0 };
  const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.count += 1;
    const body: unknown = JSON.parse(String(init?.body));
    const ok = typeof body === 'object' && body !== null && 'password' in body && body.password === password.current;
    return ok
      ? Response.json({ type: 'proxyauth', result: { password: 'tok', expiration: 36000 }, message: 'login successful' })
      : Response.json({ message: "user 'root' could not be authenticated" }, { status: 401 });
  };
  return { client: new DevpiClient({ baseUrl: 'http://devpi.test', fetch }), calls };
}

describe('RootPasswordProbe', () => {
  it('notices at once when root got a password elsewhere (another replica), then caches that', async () => {
    const password = { current: '' };
    const { client, calls } = fakeDevpi(password);
    const probe = new RootPasswordProbe(client, () => 0);
    expect(await probe.isEmpty()).toBe(true);
    password.current = 'set-through-another-replica';
    expect(await probe.isEmpty()).toBe(false);
    const asked = calls.count;
    expect(await probe.isEmpty()).toBe(false);
    expect(calls.count).toBe(asked);
  });

  it('takes what a login proved only when it proved a password is set', async () => {
    const password = { current: 'secret' };
    const { client, calls } = fakeDevpi(password);
    const probe = new RootPasswordProbe(client, () => 0);
    probe.remember(false);
    expect(await probe.isEmpty()).toBe(false);
    expect(calls.count).toBe(0);
    probe.remember(true);
    expect(await probe.isEmpty()).toBe(false);
    expect(calls.count).toBe(1);
  });
});
