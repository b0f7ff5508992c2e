/**
 * How to register the extension at one identity provider, the traps that provider sets, and the
 * AWS side, with this browser's redirect URI and origin filled in.
 */
import { presetById, presetText } from '../../src/config/presets';
import { CopyableValue } from '../components/CopyableValue';

/** Props of {@link PresetGuide}. */
export interface PresetGuideProps {
  presetId: string | undefined;
  redirectUri: string;
  extensionOrigin: string;
}

/** The registration guide of a provider's preset; nothing for a provider without one. */
export function PresetGuide({ presetId, redirectUri, extensionOrigin }: PresetGuideProps) {
  const preset = presetById(presetId);
  if (!preset) return null;
  const fill = (text: string) => presetText(text, { redirectUri, extensionOrigin });
  return (
    <details class="guide" open>
      <summary>Register the extension at {preset.label}</summary>
      <CopyableValue label="Redirect URI" value={redirectUri} />
      <ol>{preset.registration.map((step) => <li key={step}>{fill(step)}</li>)}</ol>
      <h4>Watch out</h4>
      <ul class="traps">{preset.traps.map((trap) => <li key={trap}>{fill(trap)}</li>)}</ul>
      <h4>In AWS</h4>
      <ul>{preset.aws.map((note) => <li key={note}>{fill(note)}</li>)}</ul>
    </details>
  );
}
