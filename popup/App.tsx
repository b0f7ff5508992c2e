/**
 * The popup: every provider with its profiles, what needs fixing, or how to start.
 */
import type { PopupView, ProfileView } from '../src/state/popup-view';
import { EmptyState } from './EmptyState';
import { ProblemList } from './ProblemList';
import { ProviderSection } from './ProviderSection';
import { RefreshAllButton } from './RefreshAllButton';

/** Props of {@link App}; actions come in from the entry point so tests can replace them. */
export interface AppProps {
  view: PopupView | undefined;
  redirectUri: string;
  onSignIn(providerId: string): void;
  onSignOut(providerId: string): void;
  onCopyBash(view: ProfileView): Promise<void>;
  onOpenOptions(): void;
}

/** The popup's root component. */
export function App({ view, redirectUri, onSignIn, onSignOut, onCopyBash, onOpenOptions }: AppProps) {
  if (!view) return <p class="loading">Loading…</p>;
  return (
    <>
      <header class="top">
        <h1>AWS credentials</h1>
        <RefreshAllButton view={view} />
        <button type="button" class="link" onClick={onOpenOptions}>
          Options
        </button>
      </header>
      {view.empty && <EmptyState redirectUri={redirectUri} onOpenOptions={onOpenOptions} />}
      {view.providers.map((provider) => (
        <ProviderSection key={provider.provider.id} view={provider} onSignIn={onSignIn} onSignOut={onSignOut} onCopyBash={onCopyBash} />
      ))}
      <ProblemList broken={view.broken} warnings={view.warnings} />
    </>
  );
}
