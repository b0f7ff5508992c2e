/**
 * The refresh settings form: margin, idle threshold, maximum session lifetime, and each
 * provider's renewal path. Fields set by policy are shown read-only. A save with a bad field
 * changes nothing and names the field.
 */
import { useState } from 'preact/hooks';
import type { Provider } from '../../src/config/types';
import { renewalPathOf } from '../../src/config/refresh-settings';
import type { RenewalPath } from '../../src/config/refresh-settings';
import { validateSettings } from '../../src/config/validate-settings';
import type { SettingsResult } from '../../src/config/validate-settings';

/** Props of {@link RefreshSettings}. */
export interface RefreshSettingsProps {
  current: SettingsResult;
  providers: Provider[];
  /** Stores the user's values; resolves once stored. */
  onSave(values: Record<string, unknown>): Promise<void>;
}

const pathLabels: Record<RenewalPath, string> = {
  auto: 'Refresh token, else silent sign-in',
  'refresh-token': 'Refresh token only',
  'silent-sign-in': 'Silent sign-in only (prompt=none)',
};

const managedNote = <span class="badge" title="Set by your organization">managed</span>;

/** The form. */
export function RefreshSettings({ current, providers, onSave }: RefreshSettingsProps) {
  const { settings, managed } = current;
  const [margin, setMargin] = useState(String(settings.refreshMarginMinutes));
  const [idle, setIdle] = useState(String(settings.idleThresholdMinutes));
  const [lifetime, setLifetime] = useState(settings.maxSessionHours === null ? '' : String(settings.maxSessionHours));
  const [renewal, setRenewal] = useState<Record<string, string>>(Object.fromEntries(providers.map((provider) => [provider.id, renewalPathOf(settings, provider.id)])));
  const [result, setResult] = useState<{ ok: boolean; messages: string[] }>();
  const locked = (field: string) => managed.includes(field);

  const save = async (event: Event) => {
    event.preventDefault();
    const number = (text: string) => (text.trim() === '' ? null : Number(text));
    const entered = { refreshMarginMinutes: number(margin), idleThresholdMinutes: number(idle), maxSessionHours: number(lifetime) };
    // Policy's fields stay the policy's: only what the user may set is stored.
    const values = {
      ...Object.fromEntries(Object.entries(entered).filter(([field]) => !locked(field))),
      renewal: Object.fromEntries(providers.filter((provider) => !locked(`renewal.${provider.id}`)).map((provider) => [provider.id, renewal[provider.id]])),
    };
    const problems = validateSettings(undefined, values).problems;
    if (problems.length) return setResult({ ok: false, messages: problems.map((problem) => `${problem.path}: ${problem.message}`) });
    await onSave(values);
    setResult({ ok: true, messages: ['Saved.'] });
  };

  const numberField = (id: string, field: string, label: string, value: string, set: (value: string) => void, placeholder?: string) => (
    <>
      <label for={id}>{label} {locked(field) && managedNote}</label>
      <input id={id} type="number" inputMode="numeric" value={value} placeholder={placeholder} disabled={locked(field)} onInput={(event) => set(event.currentTarget.value)} />
    </>
  );

  return (
    <form class="settings" onSubmit={save}>
      {numberField('refresh-margin', 'refreshMarginMinutes', 'Renew credentials this many minutes before they expire', margin, setMargin)}
      {numberField('idle-threshold', 'idleThresholdMinutes', 'Pause renewal after this many minutes without input or with the screen locked', idle, setIdle)}
      {numberField('max-session', 'maxSessionHours', 'Ask for a new sign-in after this many hours (empty: never)', lifetime, setLifetime, 'no limit')}
      {providers.map((provider) => (
        <div key={provider.id}>
          <label for={`renewal-${provider.id}`}>How {provider.name} renews sign-in {locked(`renewal.${provider.id}`) && managedNote}</label>
          <select id={`renewal-${provider.id}`} value={renewal[provider.id]} disabled={locked(`renewal.${provider.id}`)} onChange={(event) => setRenewal({ ...renewal, [provider.id]: event.currentTarget.value })}>
            {Object.entries(pathLabels).map(([path, label]) => <option key={path} value={path}>{label}</option>)}
          </select>
        </div>
      ))}
      <div class="actions">
        <button type="submit" class="primary">Save settings</button>
      </div>
      {result?.ok && <p role="status" class="success">{result.messages[0]}</p>}
      {result && !result.ok && (
        <div role="alert" class="error">
          <p>Nothing was changed. Fix these and save again:</p>
          <ul>{result.messages.map((message) => <li key={message}>{message}</li>)}</ul>
        </div>
      )}
      {current.problems.map((problem) => <p class="warning" key={problem.source + problem.path}><code>{problem.path}</code>: {problem.message}</p>)}
    </form>
  );
}
