/**
 * One identity provider: its sign-in button and the profiles it signs in to.
 */
import type { ProviderView } from '../../src/view/popup-view';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProfileCard } from './ProfileCard';
import { RenewalStatus } from './RenewalStatus';

/** Props of {@link ProviderSection}. */
export interface ProviderSectionProps {
  view: ProviderView;
  onSignIn(providerId: string): void;
  onSignOut(providerId: string): void;
}

/** A section per provider, labelled by its name so its buttons are told apart. */
export function ProviderSection({ view, onSignIn, onSignOut }: ProviderSectionProps) {
  const { provider } = view;
  const headingId = `provider-${provider.id}`;
  return (
    <section class="provider" aria-labelledby={headingId} data-provider={provider.id}>
      <header>
        <h2 id={headingId}>
          {provider.name}
          {provider.source === 'managed' && <span class="badge" title="Set by your organization">managed</span>}
        </h2>
        <div class="actions">
          <button type="button" class="primary" onClick={() => onSignIn(provider.id)} disabled={view.busyStep !== undefined}>
            {view.busyStep ? 'Signing in…' : 'Sign in'}
          </button>
          {view.signedIn && (
            <button type="button" onClick={() => onSignOut(provider.id)}>
              Sign out
            </button>
          )}
        </div>
      </header>
      {view.busyStep && <p class="progress">{view.busyStep}… finish in the login window.</p>}
      {view.error && <ErrorMessage error={view.error} />}
      <RenewalStatus view={view} />
      {view.profiles.length === 0 && <p class="hint">No profile uses this provider yet.</p>}
      {view.profiles.map((profile) => (
        <ProfileCard key={profile.profile.id} view={profile} providerSource={provider.source} />
      ))}
    </section>
  );
}
