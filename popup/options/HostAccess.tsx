/**
 * Optional access to an identity provider's origins, asked for from a click and saying why:
 * without it the extension reaches only IdPs that answer its cross-origin requests (CORS). It
 * stays folded away until a test shows the provider could not be reached.
 */
import { useEffect, useState } from 'preact/hooks';

/** Props of {@link HostAccess}. */
export interface HostAccessProps {
  origins: readonly string[];
  /** True when the last test could not reach the provider: the offer opens and says so. */
  needed?: boolean;
  /** Asks the browser; must run straight from the click. */
  onRequest(origins: readonly string[]): Promise<boolean>;
  has(origins: readonly string[]): Promise<boolean>;
}

/** The access state of a provider's origins, and a button to ask for it. */
export function HostAccess({ origins, needed, onRequest, has }: HostAccessProps) {
  const [granted, setGranted] = useState<boolean>();
  const [refused, setRefused] = useState(false);
  const key = origins.join(' ');
  useEffect(() => {
    let alive = true;
    has(origins).then((value) => alive && setGranted(value), () => alive && setGranted(false));
    return () => {
      alive = false;
    };
    // The origins are compared by value (key): a new array with the same origins is the same request.
  }, [key]);
  if (!origins.length) return null;
  if (granted) return <p class="hint">The extension may reach {origins.join(', ')} directly.</p>;
  return (
    <details class={`host-access${needed ? ' needed' : ''}`} open={needed}>
      <summary>Network access to {origins.length === 1 ? origins[0] : `${origins.length} origins`}</summary>
      <p class={needed ? 'note' : 'hint'}>
        {needed ? 'The test could not reach this provider. ' : ''}
        If discovery, keys or tokens fail with "Could not reach" although the provider is up, it does not accept requests from the extension's origin (CORS).
        Allowing access to {origins.join(', ')} lets the extension reach it anyway; it is used only for signing in.
      </p>
      <button type="button" onClick={() => void onRequest(origins).then((value) => { setGranted(value); setRefused(!value); }, () => setRefused(true))}>
        Allow access to {origins.length === 1 ? origins[0] : `${origins.length} origins`}
      </button>
      {refused && <span class="hint" role="status"> Not granted; the extension still reaches providers that allow it.</span>}
    </details>
  );
}
