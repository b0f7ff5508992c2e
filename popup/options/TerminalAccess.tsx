/**
 * The options page's terminal access form: the switch that asks for `nativeMessaging`, which
 * profiles terminals may get, and whether the port to `wic` is open. Stateless: the section
 * (TerminalAccessSection.tsx) loads and saves.
 */
import type { TerminalSettings } from '../../src/config/terminal-settings';
import { EVERY_PROFILE } from '../../src/config/terminal-settings';
import type { TerminalConnection } from '../../src/storage/records';

/** Props of {@link TerminalAccess}. */
export interface TerminalAccessProps {
  settings: TerminalSettings;
  /** Whether the browser granted `nativeMessaging`. */
  permitted: boolean;
  connection: TerminalConnection | undefined;
  profiles: { id: string; name: string }[];
  /** Turns terminal access on (asking for the permission first) or off. */
  onEnable(enabled: boolean): void;
  /** Asks for the permission alone (policy turned terminal access on). */
  onRequestPermission(): void;
  onAllow(profileId: string, allowed: boolean): void;
}

const connectionText: Record<TerminalConnection['state'], string> = {
  off: 'Off.',
  'no-permission': 'Waiting for the browser to allow the extension to talk to wic.',
  restarting: 'Allowed: connects once the browser restarts the extension\'s background, within a minute or two. You stay signed in.',
  connecting: 'Connecting to wic…',
  connected: 'Connected: terminals on this computer can ask for credentials.',
};

/** The form. */
export function TerminalAccess({ settings, permitted, connection, profiles, onEnable, onRequestPermission, onAllow }: TerminalAccessProps) {
  const everyUser = settings.userProfiles.includes(EVERY_PROFILE);
  const byPolicy = (id: string) => settings.managedProfiles.includes(EVERY_PROFILE) || settings.managedProfiles.includes(id);
  const state = connection?.state ?? (settings.enabled ? 'connecting' : 'off');
  return (
    <div class="terminal-access">
      <div class="field checkbox">
        <input id="terminal-access" type="checkbox" checked={settings.enabled} disabled={settings.enabledByPolicy} onChange={(event) => onEnable(event.currentTarget.checked)} />
        <label for="terminal-access">Terminal access{settings.enabledByPolicy ? ' (set by your organization)' : ''}</label>
      </div>
      <p class="hint">
        Lets the AWS CLI and SDKs on this computer get credentials from here through <code>wic</code>: run <code>wic install</code> once, then{' '}
        <code>wic configure</code>. Turning it on asks the browser to let the extension talk to <code>wic</code>.
      </p>
      {settings.enabled && !permitted && (
        <button type="button" onClick={onRequestPermission}>
          Allow the extension to talk to wic
        </button>
      )}
      <p role="status" data-testid="terminal-connection">
        {connectionText[state]}
        {state === 'connecting' && connection?.message ? ` (${connection.message}${/not found/i.test(connection.message) ? ' Run wic install, then restart the browser.' : ''})` : ''}
      </p>
      <fieldset>
        <legend>Profiles terminals may get</legend>
        <div class="field checkbox">
          <input id="terminal-all" type="checkbox" checked={everyUser} onChange={(event) => onAllow(EVERY_PROFILE, event.currentTarget.checked)} />
          <label for="terminal-all">All profiles</label>
        </div>
        {profiles.map((profile) => (
          <div class="field checkbox" key={profile.id}>
            <input
              id={`terminal-${profile.id}`}
              type="checkbox"
              checked={everyUser || byPolicy(profile.id) || settings.userProfiles.includes(profile.id)}
              disabled={everyUser || byPolicy(profile.id)}
              onChange={(event) => onAllow(profile.id, event.currentTarget.checked)}
            />
            <label for={`terminal-${profile.id}`}>
              {profile.name}
              {byPolicy(profile.id) ? ' (allowed by your organization)' : ''}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
