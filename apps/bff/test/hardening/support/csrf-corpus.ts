import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
/**
 * Ways a state-changing request can come from somewhere other than our own SPA. Every one must be
 * refused with 403 whatever it targets. `own` is the BFF's origin as the browser sees it.
 */
export interface CsrfVariant {
  name: string;
  headers: (own: string) => Record<string, string>;
}

const header = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

export const csrfVariants: CsrfVariant[] = [
  { name: 'custom header missing, own Origin', headers: (own) => ({ Origin: own }) },
  { name: 'custom header 0', headers: (own) => ({ [CSRF_HEADER]: '0', Origin: own }) },
  { name: 'custom header "true"', headers: (own) => ({ [CSRF_HEADER]: 'true', Origin: own }) },
  { name: 'foreign Origin', headers: () => ({ ...header, Origin: 'http://evil.example' }) },
  { name: 'Origin null (sandboxed iframe, file:, redirects)', headers: () => ({ ...header, Origin: 'null' }) },
  { name: 'look-alike Origin with our host as a prefix', headers: (own) => ({ ...header, Origin: `${own}.evil.example` }) },
  { name: 'Origin with another port', headers: (own) => ({ ...header, Origin: own.replace(/:\d+$/, ':1') }) },
  { name: 'Origin with another scheme', headers: (own) => ({ ...header, Origin: own.replace(/^http:/, 'https:') }) },
  { name: 'Origin with a trailing slash', headers: (own) => ({ ...header, Origin: `${own}/` }) },
  { name: 'no Origin, Sec-Fetch-Site cross-site', headers: () => ({ ...header, 'Sec-Fetch-Site': 'cross-site' }) },
  { name: 'no Origin, Sec-Fetch-Site same-site (a sibling subdomain)', headers: () => ({ ...header, 'Sec-Fetch-Site': 'same-site' }) },
  { name: 'no Origin, Sec-Fetch-Site none (typed or bookmarked)', headers: () => ({ ...header, 'Sec-Fetch-Site': 'none' }) },
  { name: 'neither Origin nor Sec-Fetch-Site', headers: () => ({ ...header }) },
  { name: 'only a same-origin Referer', headers: (own) => ({ ...header, Referer: `${own}/+dashboard/` }) },
  { name: 'own Origin but Sec-Fetch-Site cross-site', headers: (own) => ({ ...header, Origin: own, 'Sec-Fetch-Site': 'cross-site' }) },
  { name: 'foreign Origin claiming Sec-Fetch-Site same-origin', headers: () => ({ ...header, Origin: 'http://evil.example', 'Sec-Fetch-Site': 'same-origin' }) },
  {
    name: 'classic cross-site form post',
    headers: () => ({ Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' }),
  },
];
