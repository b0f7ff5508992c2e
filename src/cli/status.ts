/** `wic status`: every connected browser profile, its profiles and their expiry. No secrets. */
import type { StatusResult } from '../terminal';
import type { CliContext } from './cli-context';
import { isListening, listHosts, NOT_RUNNING, sendRequest } from './host-client';

function describeProfile(profile: StatusResult['profiles'][number], now: number): string {
  const name = profile.label && profile.label !== profile.profileId ? `${profile.profileId} (${profile.label})` : profile.profileId;
  let state: string;
  if (profile.state === 'valid' && profile.expiration) {
    const minutes = Math.max(0, Math.floor((Date.parse(profile.expiration) - now) / 60_000));
    state = `valid until ${profile.expiration} (${minutes} min left)`;
  } else {
    // Signed in but holding nothing (a profile added since, a role granted, or credentials removed
    // at expiry): the next request renews silently, so "expired" alone would mislead.
    const expired = profile.expiration ? `expired at ${profile.expiration}` : 'no credentials yet (the next request gets them)';
    state = { valid: 'valid', expired, 'not-signed-in': 'not signed in', 'needs-interactive-sign-in': 'needs sign-in' }[profile.state];
  }
  return `  ${name}: ${state}${profile.allowed ? '' : ', terminal access not allowed'}\n`;
}

export async function status(context: CliContext, browserProfile: string | undefined, now = Date.now()): Promise<number> {
  const hosts = listHosts(context.location).filter((host) => !browserProfile || host.profileKey === browserProfile);
  let connected = 0;
  for (const host of hosts) {
    if (!(await isListening(host.path))) continue;
    try {
      const result = await sendRequest(host.path, { action: 'status' });
      connected += 1;
      context.stdout(`Browser profile ${result.browserProfile}: connected (extension ${result.extensionVersion || 'unknown version'})\n`);
      if (result.profiles.length === 0) context.stdout('  no profiles configured\n');
      for (const profile of result.profiles) context.stdout(describeProfile(profile, now));
    } catch (error) {
      context.stdout(`Browser profile ${host.profileKey}: not answering (${(error as Error).message})\n`);
    }
  }
  if (connected === 0) {
    context.stdout(`No browser connected. ${NOT_RUNNING}\n`);
    return 1;
  }
  return 0;
}
