/**
 * Answering terminal requests against fakes of the boundaries only: session storage in a map,
 * the refresh service's "Refresh now" as a function that writes what a real renewal writes, the
 * notifications as recorded calls, and a clock that sleeps instantly.
 */
import { defaultSettings } from '../../../src/config/refresh-settings';
import type { TerminalSettings } from '../../../src/config/terminal-settings';
import { credentialsKey, profileStatusKey, providerSessionKey, renewalKey, terminalAuditKey } from '../../../src/storage/keys';
import type { TerminalAuditEntry } from '../../../src/storage/records';
import type { TerminalAccessDeps } from '../../../src/terminal-access/handle-request';
import { createTerminalRequestHandler } from '../../../src/terminal-access/handle-request';
import { WAIT_ANSWER_TIMEOUT_MS } from '../../../src/terminal/limits';
import type { CredentialsRequest, CredentialsResult, TerminalResponse } from '../../../src/terminal/messages';
import { sampleConfig, sampleCredentials } from '../support/fixtures';
import { memorySessionStore } from '../support/memory-session-store';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const MINUTE = 60_000;

function world(options: { allowed?: string[]; signedIn?: boolean; expiresIn?: number } = {}) {
  let now = T0;
  const store = memorySessionStore();
  const terminal: TerminalSettings = { enabled: true, enabledByPolicy: false, userProfiles: options.allowed ?? ['dev'], managedProfiles: [] };
  if (options.signedIn !== false) store.items.set(providerSessionKey('corp'), { idToken: 'id', idTokenExpiresAt: T0 + 60 * MINUTE, subject: 's', signedInAt: T0 - MINUTE });
  if (options.expiresIn !== undefined) store.items.set(credentialsKey('dev'), sampleCredentials(T0 + options.expiresIn, { accessKeyId: 'ASIAOLD' }));
  const calls = { refreshNow: [] as string[][], askToAllow: [] as string[], askToSignIn: [] as string[] };
  let refresh: () => void = () => {
    store.items.set(credentialsKey('dev'), sampleCredentials(now + 60 * MINUTE, { accessKeyId: 'ASIANEW', issuedAt: now }));
  };
  const deps: TerminalAccessDeps = {
    readConfiguration: async () => sampleConfig,
    readRefreshSettings: async () => defaultSettings,
    readTerminalSettings: async () => structuredClone(terminal),
    readSession: async () => Object.fromEntries(store.items),
    store,
    refreshNow: async (profileIds) => {
      calls.refreshNow.push(profileIds);
      refresh();
    },
    askToAllow: async (profile) => void calls.askToAllow.push(profile.id),
    askToSignIn: async (provider) => void calls.askToSignIn.push(provider.id),
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  return {
    handle: createTerminalRequestHandler(deps),
    store,
    terminal,
    calls,
    onRefresh: (next: () => void) => (refresh = next),
    onSleep: (next: (now: number) => void) => {
      deps.sleep = async (ms) => {
        now += ms;
        next(now);
      };
    },
    audit: () => store.items.get(terminalAuditKey) as TerminalAuditEntry[] | undefined,
  };
}

const request = (fields: Partial<CredentialsRequest> = {}): CredentialsRequest => ({ action: 'credentials', profileId: 'dev', minValidSeconds: 900, wait: false, command: 'credential-process', ...fields });
const errorCode = (response: TerminalResponse) => (response.ok ? 'ok' : response.error.code);
/** The access key a response served, or undefined for an error. */
const keyOf = (response: TerminalResponse) => (response.ok ? (response.result as CredentialsResult).credentials.AccessKeyId : undefined);

describe('terminal requests', () => {
  it('serves credentials that last long enough as they are, in credential_process shape, and records the request', async () => {
    const w = world({ expiresIn: 50 * MINUTE });
    const response = await w.handle(request());
    expect(response).toEqual({
      ok: true,
      result: { profileId: 'dev', credentials: { Version: 1, AccessKeyId: 'ASIAOLD', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: '2026-12-03T09:50:00Z', Region: 'eu-west-1' } },
    });
    expect(w.calls.refreshNow).toEqual([]);
    expect(w.audit()).toEqual([{ profileId: 'dev', at: T0, command: 'credential-process', outcome: 'served' }]);
  });

  it('renews silently first when credentials expire within what the terminal asked for or the refresh margin', async () => {
    for (const [expiresIn, minValidSeconds] of [[10 * MINUTE, 900], [4 * MINUTE, 0]] as const) {
      const w = world({ expiresIn });
      const response = await w.handle(request({ minValidSeconds }));
      expect(keyOf(response)).toBe('ASIANEW');
      expect(w.calls.refreshNow).toEqual([['dev']]);
    }
  });

  it('serves the current credentials when renewal fails but they still last what was asked', async () => {
    const w = world({ expiresIn: 4 * MINUTE });
    w.onRefresh(() => undefined);
    const response = await w.handle(request({ minValidSeconds: 60 }));
    expect(keyOf(response)).toBe('ASIAOLD');
  });

  it('gives a 15-minute profile\'s fresh credentials to a request for 15 minutes instead of failing every time', async () => {
    const w = world({ expiresIn: 5 * MINUTE });
    const short = { ...sampleConfig, profiles: sampleConfig.profiles.map((profile) => (profile.id === 'dev' ? { ...profile, durationSeconds: 900 } : profile)) };
    const handle = createTerminalRequestHandler({
      readConfiguration: async () => short, readRefreshSettings: async () => defaultSettings, readTerminalSettings: async () => w.terminal,
      readSession: async () => Object.fromEntries(w.store.items), store: w.store, askToAllow: async () => undefined, askToSignIn: async () => undefined,
      refreshNow: async () => void w.store.items.set(credentialsKey('dev'), sampleCredentials(T0 + 15 * MINUTE - 2000, { accessKeyId: 'ASIAFRESH' })),
      now: () => T0, sleep: async () => undefined,
    });
    const response = await handle(request({ minValidSeconds: 900 }));
    expect(keyOf(response)).toBe('ASIAFRESH');
  });

  it('refuses a profile not allowed, shows the notification to allow it, and records the refusal', async () => {
    const w = world({ allowed: ['ops'], expiresIn: 50 * MINUTE });
    const response = await w.handle(request());
    expect(response).toEqual({ ok: false, error: { code: 'not-allowed', message: expect.stringMatching(/^Terminal access to profile "dev" is not allowed yet: click Allow/) } });
    expect(w.calls.askToAllow).toEqual(['dev']);
    expect(w.audit()?.[0]).toMatchObject({ profileId: 'dev', outcome: 'not-allowed' });
  });

  it('serves a profile the policy allows, or every profile with "*"', async () => {
    const w = world({ allowed: [], expiresIn: 50 * MINUTE });
    w.terminal.managedProfiles = ['dev'];
    expect(errorCode(await w.handle(request()))).toBe('ok');
    w.terminal.managedProfiles = [];
    w.terminal.userProfiles = ['*'];
    expect(errorCode(await w.handle(request()))).toBe('ok');
  });

  it('with --wait, answers once the user allows the profile', async () => {
    const w = world({ allowed: [], expiresIn: 50 * MINUTE });
    w.onSleep((now) => {
      if (now >= T0 + 3000) w.terminal.userProfiles = ['dev'];
    });
    expect(errorCode(await w.handle(request({ wait: true })))).toBe('ok');
    expect(w.calls.askToAllow).toEqual(['dev']);
  });

  it('answers unknown-profile for an id not configured, naming it and what to run', async () => {
    const response = await world().handle(request({ profileId: 'nope' }));
    expect(response).toEqual({ ok: false, error: { code: 'unknown-profile', message: expect.stringMatching(/^No profile "nope" .*wic status/) } });
  });

  it('answers not-signed-in without a sign-in, and with --wait shows the sign-in notification and waits for it', async () => {
    expect(await world({ signedIn: false }).handle(request())).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Not signed in to Corp SSO: sign in from the Web Identity Credentials popup, or run again with --wait.' } });

    const w = world({ signedIn: false });
    w.onSleep((now) => {
      if (now >= T0 + 5000 && !w.store.items.has(providerSessionKey('corp'))) {
        w.store.items.set(providerSessionKey('corp'), { idToken: 'id', idTokenExpiresAt: now + 60 * MINUTE, subject: 's', signedInAt: now });
        w.store.items.set(credentialsKey('dev'), sampleCredentials(now + 60 * MINUTE, { accessKeyId: 'ASIASIGNEDIN' }));
      }
    });
    const response = await w.handle(request({ wait: true }));
    expect(keyOf(response)).toBe('ASIASIGNEDIN');
    expect(w.calls.askToSignIn).toEqual(['corp']);
  });

  it('gives up waiting before the host does', async () => {
    const w = world({ signedIn: false });
    let slept = 0;
    w.onSleep(() => void (slept += 1000));
    expect(errorCode(await w.handle(request({ wait: true })))).toBe('not-signed-in');
    expect(slept).toBeLessThan(WAIT_ANSWER_TIMEOUT_MS);
  });

  it('answers needs-interactive-sign-in when renewal needs the IdP\'s login page, and shows the notification', async () => {
    const w = world({ expiresIn: 2 * MINUTE });
    w.onRefresh(() => w.store.items.set(renewalKey('corp'), { state: 'needs-sign-in', at: T0, signedInAt: T0 - MINUTE }));
    const response = await w.handle(request());
    expect(response).toEqual({ ok: false, error: { code: 'needs-interactive-sign-in', message: expect.stringMatching(/^Corp SSO needs you to sign in again/) } });
    expect(w.calls.askToSignIn).toEqual(['corp']);
  });

  it('does not try renewal again while the provider waits for the user', async () => {
    const w = world({ expiresIn: 2 * MINUTE });
    w.store.items.set(renewalKey('corp'), { state: 'needs-sign-in', at: T0, signedInAt: T0 - MINUTE });
    expect(errorCode(await w.handle(request()))).toBe('needs-interactive-sign-in');
    expect(w.calls.refreshNow).toEqual([]);
  });

  it('answers refresh-failed with the extension\'s own explanation when renewal failed otherwise', async () => {
    const w = world({ expiresIn: 2 * MINUTE });
    w.onRefresh(() => w.store.items.set(profileStatusKey('dev'), { state: 'error', error: { code: 'sts-error', message: 'STS refused: AccessDenied.' }, updatedAt: T0 }));
    expect(await w.handle(request())).toEqual({ ok: false, error: { code: 'refresh-failed', message: 'Could not renew the credentials of profile "dev": STS refused: AccessDenied. Try Refresh now in the Web Identity Credentials popup.' } });
  });

  it('keeps a bounded audit list, newest first, with no secret in it', async () => {
    const w = world({ expiresIn: 50 * MINUTE });
    for (let index = 0; index < 25; index += 1) await w.handle(request({ command: `wic exec -- run ${index}` }));
    const audit = w.audit() ?? [];
    expect(audit).toHaveLength(20);
    expect(audit[0]?.command).toBe('wic exec -- run 24');
    expect(JSON.stringify(audit)).not.toMatch(/ASIA|secret|token/);
  });

  it('lists every profile for status: state, expiry, whether allowed, and no secret', async () => {
    const w = world({ expiresIn: 50 * MINUTE });
    const response = await w.handle({ action: 'status' });
    expect(response).toEqual({
      ok: true,
      result: {
        profiles: [
          { profileId: 'dev', label: 'Dev admin', state: 'valid', expiration: '2026-12-03T09:50:00Z', allowed: true },
          { profileId: 'ops', label: 'Ops', state: 'expired', expiration: null, allowed: false },
        ],
      },
    });
    expect(await world({ signedIn: false }).handle({ action: 'status' })).toMatchObject({ result: { profiles: [{ state: 'not-signed-in' }, { state: 'not-signed-in' }] } });
  });
});
