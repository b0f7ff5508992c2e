/**
 * The origins the user confirmed for their own configuration, each with a way to take the
 * confirmation back. Nothing shows while there is none.
 */

/** Props of {@link TrustedHosts}. */
export interface TrustedHostsProps {
  origins: readonly string[];
  onForget(origin: string): void;
}

/** The list of confirmed origins. */
export function TrustedHosts({ origins, onForget }: TrustedHostsProps) {
  if (!origins.length) return null;
  return (
    <section aria-labelledby="trusted-heading">
      <h2 id="trusted-heading">Hosts you trust with your tokens</h2>
      <p>Your own configuration may send sign-in tokens to these hosts besides AWS and those your organization allows. Forget one to stop that.</p>
      <ul>
        {origins.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            <button type="button" onClick={() => onForget(origin)} aria-label={`Forget ${origin}`}>Forget</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
