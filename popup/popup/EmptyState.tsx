/**
 * What a new user sees: the redirect URI to register with their IdP (per provider), and where to go next.
 */
import { CopyableValue } from '../components/CopyableValue';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  redirectUri: string;
  onOpenOptions(): void;
}

/** Explains the first steps when nothing is configured. */
export function EmptyState({ redirectUri, onOpenOptions }: EmptyStateProps) {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">Set up your identity provider</h2>
      <ol>
        <li>
          Register a redirect URI for a public (no secret) OpenID Connect application at your identity provider: this prefix followed
          by the id you give the provider (for example <code>{redirectUri}corp</code>).
          <CopyableValue label="Redirect URI prefix" value={redirectUri} />
        </li>
        <li>Create the IAM OIDC identity provider and a role that trusts it in AWS.</li>
        <li>
          Import your configuration in the{' '}
          <button type="button" class="link" onClick={onOpenOptions}>
            options
          </button>
          .
        </li>
      </ol>
    </section>
  );
}
