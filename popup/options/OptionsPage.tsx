/**
 * The options page: the redirect URI to register, an editor for providers and profiles that
 * checks every field as the user types and saves all or nothing, and import and export.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ImportResult } from '../../src/config/import-config';
import { addEntry, draftFrom, freeId, idsOf, moveEntry, removeEntry, setField } from '../../src/config/draft';
import type { Draft, EntryKind } from '../../src/config/draft';
import { migrateConfigDocument } from '../../src/config/migrations';
import type { SaveResult } from '../../src/config/save-config';
import { sameDocument } from '../../src/config/save-config';
import type { ProviderInput } from '../../src/config/types';
import { providerRedirectUri } from '../../src/config/redirect-uri';
import { validateConfiguration } from '../../src/config/validate-configuration';
import type { TestSignInReport, TestSignInRequest } from '../../src/sign-in/test-sign-in';
import { CopyableValue } from '../components/CopyableValue';
import { ConfirmOrigins } from './ConfirmOrigins';
import { EditorContext } from './editor-context';
import { ExportConfig } from './ExportConfig';
import { ImportConfig } from './ImportConfig';
import { ProfileList } from './ProfileList';
import { ProviderList } from './ProviderList';
import { SaveBar } from './SaveBar';
import type { SaveStatus } from './SaveBar';

/** Props of {@link OptionsPage}; storage and the background come in as callbacks. */
export interface OptionsPageProps {
  /** The user's document as stored. */
  stored: unknown;
  /** The organization's policy. */
  managed: unknown;
  redirectUri: string;
  extensionOrigin: string;
  /** `confirm`: origins the user trusted just now, each named on the button they clicked. */
  onSave(draft: Draft, baseline: unknown, confirm?: string[]): Promise<SaveResult>;
  onImport(text: string, confirm?: string[]): Promise<ImportResult>;
  /** Origins the user confirmed before, so the editor checks fields as a save would. */
  trustedOrigins?: readonly string[];
  /** Records origins the user confirmed for the saved configuration (one stored before this check existed). */
  onTrust?(origins: string[]): Promise<void>;
  onTestSignIn(request: TestSignInRequest): Promise<TestSignInReport>;
  onRequestOrigins(origins: readonly string[]): Promise<boolean>;
  hasOrigins(origins: readonly string[]): Promise<boolean>;
  /** Said under the redirect URI (e.g. that other browsers have their own). */
  redirectNote?: string;
  /** Further settings sections, shown after import and export. */
  children?: ComponentChildren;
}

/** The options page's root component. */
export function OptionsPage(props: OptionsPageProps) {
  const [baseline, setBaseline] = useState(props.stored);
  const [draft, setDraft] = useState(() => draftFrom(props.stored));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(() => validateConfiguration(props.managed, props.stored, props.trustedOrigins).problems.some((problem) => problem.source === 'local'));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const config = useMemo(() => validateConfiguration(props.managed, draft, props.trustedOrigins), [props.managed, draft, props.trustedOrigins]);
  const dirty = !sameDocument(draftFrom(baseline), draft);
  // The saved document names hosts nobody confirmed (saved before this check, or confirmation forgotten).
  const unconfirmed = dirty ? [] : [...new Set(config.problems.flatMap((problem) => (problem.source === 'local' && problem.confirmOrigin ? [problem.confirmOrigin] : [])))];
  const managed = draftFrom(props.managed);

  // Storage changed (an import, another tab): follow it unless that would drop unsaved edits.
  const storedChanged = !sameDocument(props.stored, baseline);
  useEffect(() => {
    if (storedChanged && !dirty) {
      setBaseline(props.stored);
      setDraft(draftFrom(props.stored));
    }
  }, [props.stored, storedChanged, dirty]);

  const edit = (next: Draft) => {
    setDraft(next);
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  };
  const on = (kind: EntryKind) => ({
    onEdit: (index: number, field: readonly string[], value: unknown) => edit(setField(draft, kind, index, field, value)),
    onMove: (index: number, delta: -1 | 1) => edit(moveEntry(draft, kind, index, delta)),
    onDelete: (index: number) => edit(removeEntry(draft, kind, index)),
  });
  const providerIds = [...new Set([...idsOf(managed.providers), ...idsOf(draft.providers)])];
  const addProfile = () => {
    const id = freeId('profile', [...idsOf(managed.profiles), ...idsOf(draft.profiles)]);
    edit(addEntry(draft, 'profiles', { id, name: '', provider: idsOf(draft.providers)[0] ?? providerIds[0] ?? '', roleArn: '' }));
  };
  const save = async (confirm?: string[]) => {
    setShowAll(true);
    setStatus({ kind: 'saving' });
    const result = await props.onSave(draft, baseline, confirm);
    if (!result.ok) return setStatus({ kind: 'refused', problems: result.problems, ...(result.toConfirm ? { toConfirm: result.toConfirm } : {}) });
    setBaseline(result.document);
    setDraft(draftFrom(result.document));
    setStatus({ kind: 'saved', warnings: result.warnings.map((warning) => `${warning.path}: ${warning.message}`) });
  };
  const editor = {
    problems: config.problems,
    shown: (path: string) => showAll || [...touched].some((field) => path === field || path.startsWith(`${field}.`) || field.startsWith(`${path}.`)),
    touch: (path: string) => setTouched((current) => (current.has(path) ? current : new Set([...current, path]))),
  };

  return (
    <EditorContext.Provider value={editor}>
      <h1>Web Identity Credentials</h1>
      <section aria-labelledby="redirect-heading">
        <h2 id="redirect-heading">Redirect URIs</h2>
        <p>
          Each provider has its own redirect URI: this prefix followed by the provider's id (for a provider with id <code>corp</code>,{' '}
          <code>{providerRedirectUri(props.redirectUri, 'corp')}</code>). Register it with your identity provider for a public application (no
          client secret); each provider below shows its exact URI. A sign-in is accepted only at its own provider's URI.
        </p>
        <CopyableValue label="Redirect URI prefix" value={props.redirectUri} />
        {props.redirectNote && <p class="hint">{props.redirectNote}</p>}
      </section>
      <ProviderList managed={managed.providers} local={draft.providers} valid={config.providers} takenIds={providerIds}
        redirectUri={props.redirectUri} extensionOrigin={props.extensionOrigin} {...on('providers')}
        onAdd={(provider: ProviderInput) => edit(addEntry(draft, 'providers', { ...provider }))}
        onTest={(providerId) => props.onTestSignIn({ document: draft, providerId })}
        onRequestOrigins={props.onRequestOrigins} hasOrigins={props.hasOrigins} />
      <ProfileList managed={managed.profiles} local={draft.profiles} providerIds={providerIds} {...on('profiles')} onAdd={addProfile}
        takenIds={[...idsOf(managed.profiles), ...idsOf(draft.profiles)]} onAddPreset={(profile) => edit(addEntry(draft, 'profiles', { ...profile }))} />
      {storedChanged && dirty && (
        <p class="note" role="note">
          The saved configuration changed elsewhere.{' '}
          <button type="button" class="link" onClick={() => { setBaseline(props.stored); setDraft(draftFrom(props.stored)); setStatus({ kind: 'idle' }); }}>Load it</button> (drops your unsaved changes).
        </p>
      )}
      {unconfirmed.length > 0 && props.onTrust && (
        <div role="alert" class="error">
          <p>Your saved configuration has entries out of service until you confirm their hosts:</p>
          <ConfirmOrigins origins={unconfirmed} action="use" onConfirm={() => void props.onTrust?.(unconfirmed)} />
        </div>
      )}
      <SaveBar dirty={dirty} status={status} onSave={(confirm) => void save(confirm)} onDiscard={() => { setDraft(draftFrom(baseline)); setStatus({ kind: 'idle' }); }} />
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import and export</h2>
        <p>An import replaces your own entries; entries set by your organization stay and win over yours with the same id.</p>
        <ImportConfig current={JSON.stringify(migrateConfigDocument(baseline ?? { providers: [], profiles: [] }).document, null, 2)} onImport={props.onImport} />
        <ExportConfig document={migrateConfigDocument(baseline ?? { providers: [], profiles: [] }).document} unsaved={dirty} />
      </section>
      {props.children}
    </EditorContext.Provider>
  );
}
