/**
 * Adding a provider: pick the identity provider, answer the few questions its preset asks, and
 * get an entry with everything else filled in.
 */
import { useState } from 'preact/hooks';
import { presets, providerFromPreset } from '../../src/config/presets';
import type { ProviderInput } from '../../src/config/types';

/** Props of {@link PresetPicker}. */
export interface PresetPickerProps {
  takenIds: readonly string[];
  onAdd(provider: ProviderInput): void;
}

/** The "Add provider" form. */
export function PresetPicker({ takenIds, onAdd }: PresetPickerProps) {
  const [presetId, setPresetId] = useState('generic');
  const [values, setValues] = useState<Record<string, string>>({});
  const [clientId, setClientId] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const preset = presets.find((candidate) => candidate.id === presetId) ?? presets[0];
  if (!preset) return null;
  const inputs = [...preset.parameters.map((parameter) => ({ ...parameter, value: values[parameter.key] ?? '' })), { key: 'clientId', label: 'Client id', placeholder: 'from the IdP', optional: false, value: clientId }];

  const add = (event: Event) => {
    event.preventDefault();
    const built = providerFromPreset(preset, values, clientId, takenIds);
    if (!built.ok) return setProblems(built.problems);
    onAdd(built.provider);
    setValues({});
    setClientId('');
    setProblems({});
  };

  return (
    <form class="preset-picker" onSubmit={add} aria-label="Add provider">
      <div class="field">
        <label for="preset">Identity provider</label>
        <select id="preset" value={presetId} onChange={(event) => { setPresetId(event.currentTarget.value); setProblems({}); }}>
          {presets.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.label}</option>)}
        </select>
      </div>
      {inputs.map((input) => (
        <div class={`field${problems[input.key] ? ' invalid' : ''}`} key={`${presetId}-${input.key}`}>
          <label for={`preset-${input.key}`}>{input.label}</label>
          <input id={`preset-${input.key}`} value={input.value} placeholder={input.placeholder} spellcheck={false} aria-invalid={Boolean(problems[input.key])}
            aria-describedby={problems[input.key] ? `preset-${input.key}-problem` : undefined}
            onInput={(event) => {
              const value = event.currentTarget.value;
              if (input.key === 'clientId') setClientId(value);
              else setValues({ ...values, [input.key]: value });
            }} />
          {problems[input.key] && <p class="field-problems" id={`preset-${input.key}-problem`}>{input.label}: {problems[input.key]}</p>}
        </div>
      ))}
      <button type="submit" class="primary">Add provider</button>
    </form>
  );
}
