/**
 * The toolbar button at a glance: the badge counts the minutes left on the soonest-expiring
 * pinned profile, its colour says whether all is well, and the tooltip lists which profiles are
 * valid until when and whether each IdP session is still alive. Pure, so it is tested at any instant.
 */
import type { Configuration } from '../config/types';
import type { ProfileCredentials } from '../sts/credentials';
import type { Indicator } from './refresh-deps';
import { renewalView } from './renewal-view';
import type { RenewalView } from './renewal-view';
import { sessionReader } from './session-reader';

/** Badge colours, the popup's own (popup.css). */
export const indicatorColors = { ok: '#037f0c', warn: '#8d6605', bad: '#d91515', none: '#5f6b7a' } as const;

/** The tooltip's first line, the extension's name. */
export const indicatorTitle = 'Web Identity Credentials';

/** "42m" under 100 minutes, "3h" beyond: at most four characters fit a badge. */
export function badgeText(msLeft: number): string {
  const minutes = Math.floor(msLeft / 60_000);
  return minutes < 100 ? `${minutes}m` : `${Math.floor(minutes / 60)}h`;
}

function providerLine(name: string, view: RenewalView, clock: (epochMs: number) => string): string | undefined {
  const at = view.at === undefined ? '' : clock(view.at);
  switch (view.status) {
    case 'signed-out':
      return undefined;
    case 'cleared':
      return `${name}: signed out when the browser or extension restarted; sign in again`;
    case 'signed-in':
      return `${name}: signed in at ${at}`;
    case 'alive':
      return `${name}: session alive, renewed at ${at}`;
    case 'unreachable':
      return `${name}: not reachable at ${at}; retrying`;
    case 'needs-sign-in':
      return `${name}: session ended; sign in again`;
    case 'failed':
      return `${name}: renewal failed; ${view.error?.message ?? 'open the popup'}`;
  }
}

/** Computes the badge and title. */
export function indicatorState(config: Configuration, session: Record<string, unknown>, now: number, clock: (epochMs: number) => string): Indicator {
  const reader = sessionReader(session);
  const views = config.providers.map((provider) => ({ provider, view: renewalView(provider, config, session, now) }));
  const signedIn = new Set(views.filter(({ view }) => view.status !== 'signed-out' && view.status !== 'cleared').map(({ provider }) => provider.id));
  const pinned = config.profiles.filter((profile) => profile.pinned && signedIn.has(profile.providerId));

  const lines = [indicatorTitle];
  let soonest: number | undefined;
  let lacking = false;
  let troubled = false;
  for (const profile of pinned) {
    const credentials: ProfileCredentials | undefined = reader.credentials(profile.id);
    const valid = credentials !== undefined && credentials.expiration > now;
    if (valid) soonest = Math.min(soonest ?? Infinity, credentials.expiration);
    else lacking = true;
    if (reader.status(profile.id)?.state === 'error') troubled = true;
    lines.push(`${profile.name}: ${valid ? `valid until ${clock(credentials.expiration)}` : 'no valid credentials'}`);
  }
  // Profiles that are not pinned count for neither badge nor colour, but the title still tells.
  for (const profile of config.profiles.filter((candidate) => !candidate.pinned)) {
    const expiration = reader.credentials(profile.id)?.expiration ?? 0;
    if (expiration > now) lines.push(`${profile.name}: valid until ${clock(expiration)}`);
  }
  for (const { provider, view } of views) {
    const line = providerLine(provider.name, view, clock);
    if (line) lines.push(line);
    if (view.status === 'unreachable') troubled = true;
    if (view.status === 'needs-sign-in' || view.status === 'failed' || view.status === 'cleared') lacking = true;
  }
  if (lines.length === 1) lines.push('Not signed in');

  const color = lacking ? indicatorColors.bad : troubled ? indicatorColors.warn : soonest !== undefined ? indicatorColors.ok : indicatorColors.none;
  const text = soonest !== undefined ? badgeText(soonest - now) : lacking ? '!' : '';
  return { text, color, title: lines.join('\n') };
}
