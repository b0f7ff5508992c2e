/**
 * The providers: those set by the organization (read-only), the user's own (editable, in the
 * popup's order), and the form that adds one from a preset.
 */
import { useState } from 'preact/hooks';
import { originsFor } from '../src/config/provider-origins';
import { ErrorCodes } from '../src/errors';
import type { Provider, ProviderInput } from '../src/config/types';
import type { TestSignInReport } from '../src/state/test-sign-in';
import { EntryCard } from './EntryCard';
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

const asEntry = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const titleOf = (entry: Record<string, unknown>) => String(entry.name || entry.id || 'New provider');

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
  const managedIds = props.managed.map((entry) => asEntry(entry).id);
  const extras = (entry: Record<string, unknown>, source: 'managed' | 'local') => {
    const valid = props.valid.find((provider) => provider.id === entry.id && provider.source === source);
    const id = typeof entry.id === 'string' ? entry.id : '';
    return (
      <div class="entry-footer">
        {source === 'local' && <PresetGuide presetId={typeof entry.preset === 'string' ? entry.preset : undefined} redirectUri={props.redirectUri} extensionOrigin={props.extensionOrigin} />}
        {id && <TestSignIn providerName={titleOf(entry)} onTest={() => test(id)} />}
        {valid && <HostAccess origins={originsFor(valid)} needed={unreachable.has(id)} onRequest={props.onRequestOrigins} has={props.hasOrigins} />}
      </div>
    );
  };
  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading">Identity providers</h2>
      {props.managed.map((raw, index) => (
        <EntryCard key={`managed-${index}`} kind="Provider" title={titleOf(asEntry(raw))} managed footer={extras(asEntry(raw), 'managed')}>
          <ProviderFields entry={asEntry(raw)} path={`providers[${index}]`} onChange={() => undefined} />
        </EntryCard>
      ))}
      {props.local.map((raw, index) => {
        const entry = asEntry(raw);
        return (
          <EntryCard key={`local-${index}`} kind="Provider" title={titleOf(entry)} overridden={managedIds.includes(entry.id)}
            first={index === 0} last={index === props.local.length - 1} onMove={(delta) => props.onMove(index, delta)} onDelete={() => props.onDelete(index)} footer={extras(entry, 'local')}>
            <ProviderFields entry={entry} path={`providers[${index}]`} onChange={(field, value) => props.onEdit(index, field, value)} />
          </EntryCard>
        );
      })}
      {props.managed.length + props.local.length === 0 && <p class="hint">No provider yet: add the identity provider you sign in with.</p>}
      <PresetPicker takenIds={props.takenIds} onAdd={props.onAdd} />
    </section>
  );
}
