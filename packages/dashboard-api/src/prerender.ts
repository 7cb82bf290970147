/**
 * The server-rendered landing page: what the BFF and the SPA's server entry agree on. The BFF asks
 * its own API for the answers the landing needs, the SPA's server entry renders the landing from
 * them, and the BFF sends both in index.html: the markup in #root, the answers as JSON in
 * #boot-answers, where the browser's first requests take them instead of asking again.
 */

/** One answer of the BFF's API, as the landing asked for it. */
export interface BootAnswer {
  /** The path and query the SPA asks with, e.g. /+dashboard/api/session. */
  url: string;
  status: number;
  body: unknown;
}

/**
 * The meta element the BFF puts in the head of a page whose screen it is still rendering: the rest
 * streams after the head, so the SPA's entry, which may run before it arrives, waits for it.
 */
export const PRERENDER_META = 'devpi-dashboard-prerender';

/** The id of the `<script type="application/json">` element holding the BootAnswer[]. */
export const BOOT_ANSWERS_ID = 'boot-answers';

/**
 * The SPA keeps the user's choices on this browser (theme, a folded banner) in localStorage and in
 * cookies named with this prefix; the BFF hands those cookies to the server render.
 */
export const PREFERENCE_COOKIE_PREFIX = 'devpi-dashboard-';

/** The theme choice (light or dark; absent for "follow the system"): the BFF puts it on <html>. */
export const THEME_COOKIE = `${PREFERENCE_COOKIE_PREFIX}theme`;

/** What the SPA's server entry (apps/web dist-server/entry-server.js) exports. */
export interface LandingRenderer {
  /** The URLs the landing page asks for first, in the order it asks. */
  landingUrls: readonly string[];
  /**
   * Those of them the landing cannot be shown without (who is signed in, the settings, the index
   * list). The others (figures, warnings) render as loading when their answer is late or not a 200,
   * and the SPA asks for them itself.
   */
  requiredUrls: readonly string[];
  /** The landing's markup (the inside of #root) from those answers and the user's PREFERENCE_COOKIE_PREFIX cookies. */
  renderLanding(answers: readonly BootAnswer[], preferences?: Readonly<Record<string, string>>): Promise<string>;
}

/** JSON that can sit inside a `<script>` element: no `<` (so no `</script>` or `<!--`) and no line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
