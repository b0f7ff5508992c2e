/**
 * The popup: every provider with its profiles (pinned first, searchable once there are many),
 * what needs fixing, or how to start.
 */
import { useState } from 'preact/hooks';
import { arrangeProfiles, countProfiles, searchThreshold } from '../../src/view/arrange-profiles';
import type { PopupView } from '../../src/view/popup-view';
import { EmptyState } from './EmptyState';
import type { PopupActions } from './popup-actions';
import { PopupActionsContext } from './popup-actions';
import { ProblemList } from './ProblemList';
import { ProfileSearch } from './ProfileSearch';
import { ProviderSection } from './ProviderSection';
import { RefreshAllButton } from './RefreshAllButton';

/** Props of {@link App}; actions come in from the entry point so tests can replace them. */
export interface AppProps {
  view: PopupView | undefined;
  redirectUri: string;
  /** What profile cards can do. */
  actions: PopupActions;
  onSignIn(providerId: string): void;
  onSignOut(providerId: string): void;
  onOpenOptions(): void;
}

/** The popup's root component. */
export function App({ view, redirectUri, actions, onSignIn, onSignOut, onOpenOptions }: AppProps) {
  const [query, setQuery] = useState('');
  if (!view) return <p class="loading">Loading…</p>;
  const searchable = countProfiles(view.providers) > searchThreshold;
  const providers = arrangeProfiles(view.providers, searchable ? query : '');
  return (
    <PopupActionsContext.Provider value={actions}>
      <header class="top">
        <h1>AWS credentials</h1>
        <RefreshAllButton view={view} />
        <button type="button" class="link" onClick={onOpenOptions}>
          Options
        </button>
      </header>
      {searchable && <ProfileSearch query={query} onQuery={setQuery} />}
      {view.empty && <EmptyState redirectUri={redirectUri} onOpenOptions={onOpenOptions} />}
      {searchable && query.trim() !== '' && providers.length === 0 && (
        <p class="hint" role="status">
          No profile matches “{query.trim()}”.
        </p>
      )}
      {providers.map((provider) => (
        <ProviderSection key={provider.provider.id} view={provider} onSignIn={onSignIn} onSignOut={onSignOut} />
      ))}
      <ProblemList broken={view.broken} warnings={view.warnings} />
    </PopupActionsContext.Provider>
  );
}
