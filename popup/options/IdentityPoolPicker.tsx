/**
 * Adding an identity pool profile: the pool, the flow and, if wanted, the role, with what to set
 * up in AWS beside it (src/config/profile-presets.ts).
 */
import { useState } from 'preact/hooks';
import { identityPoolProfile, identityPoolSetup } from '../../src/config/profile-presets';
import type { IdentityPoolAnswers } from '../../src/config/profile-presets';
import type { ProfileInput } from '../../src/config/types';

/** Props of {@link IdentityPoolPicker}. */
export interface IdentityPoolPickerProps {
  providerIds: readonly string[];
  takenIds: readonly string[];
  onAdd(profile: ProfileInput): void;
}

const inputs = [
  { key: 'identityPoolId', label: 'Identity pool id', placeholder: 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  { key: 'roleArn', label: 'Role ARN (optional in the enhanced flow)', placeholder: 'arn:aws:iam::123456789012:role/Name' },
] as const;

/** The "Add identity pool profile" form. */
export function IdentityPoolPicker({ providerIds, takenIds, onAdd }: IdentityPoolPickerProps) {
  const empty: IdentityPoolAnswers = { identityPoolId: '', flow: 'enhanced', roleArn: '', providerId: providerIds[0] ?? '' };
  const [answers, setAnswers] = useState<IdentityPoolAnswers>(empty);
  const [problems, setProblems] = useState<Partial<Record<keyof IdentityPoolAnswers, string>>>({});
  const providerId = providerIds.includes(answers.providerId) ? answers.providerId : providerIds[0] ?? '';
  const add = (event: Event) => {
    event.preventDefault();
    const built = identityPoolProfile({ ...answers, providerId }, takenIds);
    if (!built.ok) return setProblems(built.problems);
    onAdd(built.profile);
    setAnswers(empty);
    setProblems({});
  };
  return (
    <form class="preset-picker" onSubmit={add} aria-label="Add identity pool profile">
      <details class="guide">
        <summary>Amazon Cognito identity pool: what to set up in AWS</summary>
        <ol>{identityPoolSetup.map((step) => <li key={step}>{step}</li>)}</ol>
      </details>
      <div class="field">
        <label for="pool-provider">Provider</label>
        <select id="pool-provider" value={providerId} onChange={(event) => setAnswers({ ...answers, providerId: event.currentTarget.value })}>
          {providerIds.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="pool-flow">Flow</label>
        <select id="pool-flow" value={answers.flow} onChange={(event) => setAnswers({ ...answers, flow: event.currentTarget.value })}>
          <option value="enhanced">Enhanced (GetCredentialsForIdentity)</option>
          <option value="basic">Basic (GetOpenIdToken, then STS)</option>
        </select>
      </div>
      {inputs.map((input) => (
        <div class={`field${problems[input.key] ? ' invalid' : ''}`} key={input.key}>
          <label for={`pool-${input.key}`}>{input.label}</label>
          <input id={`pool-${input.key}`} value={answers[input.key]} placeholder={input.placeholder} spellcheck={false} aria-invalid={Boolean(problems[input.key])}
            aria-describedby={problems[input.key] ? `pool-${input.key}-problem` : undefined}
            onInput={(event) => setAnswers({ ...answers, [input.key]: event.currentTarget.value })} />
          {problems[input.key] && <p class="field-problems" id={`pool-${input.key}-problem`}>{input.label}: {problems[input.key]}</p>}
        </div>
      ))}
      <button type="submit" disabled={providerIds.length === 0}>Add identity pool profile</button>
    </form>
  );
}
