/**
 * The providers: those set by the organization (read-only), the user's own (editable, in the
 * popup's order), and the form that adds one from a preset.
 */
import { useState } from 'preact/hooks';
import { originsFor } from '../../src/config/provider-origins';
import { providerRedirectUri } from '../../src/config/redirect-uri';
import { ErrorCodes } from '../../src/errors';
import type { Provider, ProviderInput } from '../../src/config/types';
import type { TestSignInReport } from '../../src/sign-in/test-sign-in';
import { CopyableValue } from '../components/CopyableValue';
import { EntryCards, entryTitle } from './EntryCards';
import type { Entry, EntrySource } from './EntryCards';
import { HostAccess } from './HostAccess';
import { PresetGuide } from './PresetGuide';
import { PresetPicker } from './PresetPicker';
import { ProviderFields } from './ProviderFields';
import { TestSignIn } from './TestSignIn';

/** Props of {@link ProviderList}. */
export interface ProviderListProps {
  managed: readonly unknown[];
  local: readonly unknown[];
  /** Providers that passed validation, for testing and host access. */
  valid: readonly Provider[];
  takenIds: readonly string[];
  /** The browser's redirect URI; each provider's own is this followed by its id. */
  redirectUri: string;
  extensionOrigin: string;
  onEdit(index: number, field: readonly string[], value: unknown): void;
  onMove(index: number, delta: -1 | 1): void;
  onDelete(index: number): void;
  onAdd(provider: ProviderInput): void;
  onTest(providerId: string): Promise<TestSignInReport>;
  onRequestOrigins(origins: readonly string[]): Promise<boolean>;
  hasOrigins(origins: readonly string[]): Promise<boolean>;
}


const untitledProvider = 'New provider';

/** Every provider with its editor, guide, access and test. */
export function ProviderList(props: ProviderListProps) {
  // Providers whose last test could not reach them: their access offer opens.
  const [unreachable, setUnreachable] = useState<ReadonlySet<string>>(new Set());
  const test = async (id: string) => {
    const report = await props.onTest(id);
    const failed = report.steps.some((step) => step.error?.code === ErrorCodes.idpUnreachable);
    setUnreachable((current) => new Set([...current].filter((item) => item !== id).concat(failed ? [id] : [])));
    return report;
  };
  const extras = (entry: Entry, source: EntrySource) => {
    const valid = props.valid.find((provider) => provider.id === entry.id && provider.source === source);
    const id = typeof entry.id === 'string' ? entry.id : '';
    const redirectUri = providerRedirectUri(props.redirectUri, id);
    return (
      <div class="entry-footer">
        {id && <CopyableValue label={`Redirect URI of ${entryTitle(entry, untitledProvider)}`} value={redirectUri} />}
        {source === 'local' && <PresetGuide presetId={typeof entry.preset === 'string' ? entry.preset : undefined} redirectUri={redirectUri} extensionOrigin={props.extensionOrigin} />}
        {id && <TestSignIn providerName={entryTitle(entry, untitledProvider)} onTest={() => test(id)} />}
        {valid && <HostAccess origins={originsFor(valid)} needed={unreachable.has(id)} onRequest={props.onRequestOrigins} has={props.hasOrigins} />}
      </div>
    );
  };
  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading">Identity providers</h2>
      <EntryCards kind="Provider" managed={props.managed} local={props.local} untitled={untitledProvider} onEdit={props.onEdit} onMove={props.onMove} onDelete={props.onDelete}
        fields={(entry, path, onChange) => <ProviderFields entry={entry} path={path} onChange={onChange} />} footer={extras} />
      {props.managed.length + props.local.length === 0 && <p class="hint">No provider yet: add the identity provider you sign in with.</p>}
      <PresetPicker takenIds={props.takenIds} onAdd={props.onAdd} />
    </section>
  );
}
