import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { devpiTarget, uniqueName, type DevpiTarget, type DevpiTargetOptions } from '@devpi-dashboard/devpi-sim';

/** A devpi (double or DEVPI_URL) plus a root client to seed it; everything created is removed in `close`. */
export async function devpiFixture(options: DevpiTargetOptions = {}) {
  const target: DevpiTarget = await devpiTarget(options);
  const anonymous = new DevpiClient({ baseUrl: target.url });
  const rootLogin = await anonymous.login('root', target.rootPassword);
  const root = anonymous.withAuth('root', rootLogin.token);
  const users: string[] = [];
  return {
    target,
    root,
    /** A fresh user with a password; removed (with their volatile indexes) at the end. */
    async user(prefix: string) {
      const name = uniqueName(prefix);
      const password = `${name}-pw`;
      await root.createUser(name, { password, email: `${name}@example.com` });
      users.push(name);
      return { name, password };
    },
    async close() {
      for (const name of users) await root.deleteUser(name).catch(() => undefined);
      await target.close();
    },
  };
}
