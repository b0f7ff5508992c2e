/**
 * Discovery documents kept between renewals. A silent refresh otherwise starts with a request for
 * the issuer's discovery document, and, since oauth4webapi keeps the issuer's keys per discovery
 * object, fetches the key set again too: two requests more than the renewal itself. Kept in memory
 * for the service worker's life (never stored), for at most {@link discoveryMaxAgeMs}, and
 * dropped as soon as a request that relied on it fails, so a changed issuer is found again.
 */
import type * as oauth from 'oauth4webapi';

/** How long a discovery document is trusted without asking the issuer again. */
export const discoveryMaxAgeMs = 60 * 60_000;

/** Discovery documents by issuer. */
export interface DiscoveryCache {
  /** The cached document of `issuer`, or the one `discover` fetches (once, however many ask at a time). */
  get(issuer: string, discover: () => Promise<oauth.AuthorizationServer>): Promise<oauth.AuthorizationServer>;
  /** Drops `issuer`'s document: a request that relied on it failed. */
  forget(issuer: string): void;
}

/** Creates an empty cache; `now` is the clock (epoch ms). */
export function createDiscoveryCache(now: () => number): DiscoveryCache {
  const entries = new Map<string, { at: number; document: Promise<oauth.AuthorizationServer> }>();
  return {
    get(issuer, discover) {
      const entry = entries.get(issuer);
      if (entry && now() - entry.at < discoveryMaxAgeMs) return entry.document;
      const document = discover();
      entries.set(issuer, { at: now(), document });
      // A failed discovery is not remembered: the next renewal asks again.
      document.catch(() => {
        if (entries.get(issuer)?.document === document) entries.delete(issuer);
      });
      return document;
    },
    forget(issuer) {
      entries.delete(issuer);
    },
  };
}
