import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RouteObject } from 'react-router';
import { LINKED_CODE_AFTER_MS, prefetchLinkedCode, prefetchOnIntent } from './prefetch-on-intent';

function link(href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.append(document.createElement('span'));
  document.body.append(a);
  return a;
}

describe('prefetchOnIntent', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.replaceChildren();
  });

  it('runs the lazy loader of the hovered link once, with the link\'s params', async () => {
    const loader = vi.fn(() => null);
    const lazy = vi.fn(() => Promise.resolve({ loader }));
    const layoutLoader = vi.fn(() => null);
    const routes: RouteObject[] = [{ path: '/', loader: layoutLoader, children: [{ path: 'users/:user', lazy }] }];
    stop = prefetchOnIntent(routes);
    const a = link('/+dashboard/users/al%C3%AFce');
    // The event comes from an element inside the link, as a real pointer's does.
    a.firstElementChild?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(1));
    expect(lazy).toHaveBeenCalledTimes(1);
    expect(layoutLoader).toHaveBeenCalledTimes(1);
    const [args] = loader.mock.calls[0] as unknown as [{ params: Record<string, string>; request: Request }];
    expect(args.params.user).toBe('alïce');
    expect(new URL(args.request.url).pathname).toBe('/+dashboard/users/al%C3%AFce');
  });

  it('ignores links that leave the dashboard and loaders that fail', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('devpi is down')));
    stop = prefetchOnIntent([{ path: '/', loader: failing }]);
    link('https://pypi.org/simple/').dispatchEvent(new Event('pointerover', { bubbles: true }));
    link('/root/pypi/+simple/').dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(failing).not.toHaveBeenCalled();
    link('/+dashboard/').dispatchEvent(new Event('pointerover', { bubbles: true }));
    await vi.waitFor(() => expect(failing).toHaveBeenCalledTimes(1));
  });
});

describe('prefetchLinkedCode', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it("imports the code of the screens the page links to once it has settled, each once, and none of their data", async () => {
    vi.useFakeTimers();
    const loader = vi.fn(() => null);
    const users = vi.fn(() => Promise.resolve({ loader }));
    const indexes = vi.fn(() => Promise.resolve({ loader }));
    const unlinked = vi.fn(() => Promise.resolve({ loader }));
    const routes: RouteObject[] = [{ path: '/', children: [{ path: 'users/:user', lazy: users }, { path: 'indexes', lazy: indexes }, { path: 'status', lazy: unlinked }] }];
    let settled: () => void = () => undefined;
    const stop = prefetchLinkedCode(routes, (callback) => {
      settled = callback;
      return () => undefined;
    });
    link('/+dashboard/users/alice');
    link('/+dashboard/users/bob');
    link('https://pypi.org/project/indexes');
    await vi.advanceTimersByTimeAsync(LINKED_CODE_AFTER_MS - 1);
    expect(users).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(users).toHaveBeenCalledTimes(1);
    expect(indexes).not.toHaveBeenCalled();
    // The next screen links to more: only what was not imported yet is asked for.
    link('/+dashboard/indexes');
    settled();
    await vi.advanceTimersByTimeAsync(LINKED_CODE_AFTER_MS);
    expect(users).toHaveBeenCalledTimes(1);
    expect(indexes).toHaveBeenCalledTimes(1);
    expect(unlinked).not.toHaveBeenCalled();
    expect(loader).not.toHaveBeenCalled();
    stop();
  });
});
