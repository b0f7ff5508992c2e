import { presetIds } from '../../../src/config/preset-ids';
import { presetById, presetText, presets, providerFromPreset } from '../../../src/config/presets';
import { originsFor } from '../../../src/config/provider-origins';
import { validateConfiguration } from '../../../src/config/validate-configuration';

const samples: Record<string, Record<string, string>> = {
  okta: { domain: 'example.okta.com', server: 'default' },
  entra: { tenant: '72F988BF-86F1-41AF-91AB-2D7CD011DB47' },
  google: { hd: 'example.com' },
  auth0: { domain: 'example.eu.auth0.com' },
  keycloak: { url: 'https://sso.example.com/', realm: 'corp' },
  cognito: { pool: 'eu-west-1_AbCdEf123' },
  gitlab: { url: 'https://gitlab.com' },
  generic: { issuer: 'https://idp.example.com' },
  amazon: {},
  facebook: {},
};

const expected: Record<string, Record<string, unknown>> = {
  okta: { issuer: 'https://example.okta.com/oauth2/default' },
  entra: { issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0' },
  google: { issuer: 'https://accounts.google.com', flow: 'implicit', authParams: { hd: 'example.com' } },
  auth0: { issuer: 'https://example.eu.auth0.com/' },
  keycloak: { issuer: 'https://sso.example.com/realms/corp' },
  cognito: { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123' },
  gitlab: { issuer: 'https://gitlab.com' },
  generic: { issuer: 'https://idp.example.com' },
  amazon: { issuer: 'https://www.amazon.com', oauth: { stsProviderId: 'www.amazon.com' } },
  facebook: { issuer: 'https://graph.facebook.com', oauth: { stsProviderId: 'graph.facebook.com' } },
};

describe('provider presets', () => {
  it('cover the identity providers the issue names, and only known ids', () => {
    expect(presets.map((preset) => preset.id)).toEqual(presetIds);
    expect(presets.map((preset) => preset.label)).toEqual(expect.arrayContaining(['Okta', 'Microsoft Entra ID', 'Google', 'Auth0', 'Keycloak', 'Amazon Cognito user pool', 'GitLab']));
  });

  it.each(presets.map((preset) => [preset.id]))('%s builds a provider that validates as the IdP needs it', (id) => {
    const preset = presetById(id);
    if (!preset) throw new Error(`no preset ${id}`);
    const built = providerFromPreset(preset, samples[id] ?? {}, 'client-1', []);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    // With a profile on the region's AWS STS endpoint, and no host confirmed: no prompt is needed.
    const config = validateConfiguration(undefined, { providers: [built.provider], profiles: [{ id: 'p', provider: id, roleArn: 'arn:aws:iam::123456789012:role/Dev', region: 'eu-west-1' }] });
    expect(config.problems).toEqual([]);
    expect(config.profiles).toHaveLength(1);
    expect(config.providers[0]).toMatchObject({ id, preset: id, clientId: 'client-1', ...expected[id] });
    expect(preset.registration.some((step) => step.includes('{redirectUri}'))).toBe(true);
  });

  it('gives a second provider of the same preset its own id', () => {
    const generic = presetById('generic');
    const built = generic && providerFromPreset(generic, samples.generic ?? {}, 'c', ['generic', 'generic-2']);
    expect(built).toMatchObject({ ok: true, provider: { id: 'generic-3' } });
  });

  it.each([
    ['entra', { tenant: 'common' }, 'tenant', 'must be the directory (tenant) id, a GUID'],
    ['okta', { domain: 'https://example.okta.com' }, 'domain', 'must be a host name such as example.okta.com, without https:// or a path'],
    ['cognito', { pool: 'AbCdEf123' }, 'pool', 'must be a user pool id such as eu-west-1_AbCdEf123'],
    ['keycloak', { url: 'https://sso.example.com' }, 'realm', 'is required'],
  ])('%s refuses %j, naming the parameter', (id, values, key, message) => {
    const preset = presetById(id);
    const built = preset && providerFromPreset(preset, values, 'client', []);
    expect(built?.ok).toBe(false);
    expect(built && !built.ok && built.problems[key]).toContain(message);
  });

  it('requires a client id', () => {
    const generic = presetById('generic');
    expect(generic && providerFromPreset(generic, samples.generic ?? {}, ' ', [])).toEqual({ ok: false, problems: { clientId: 'is required' } });
  });

  it.each([
    ['entra', /redirect URI under the Single-page application platform/],
    ['keycloak', /reject requests whose Origin is not in the client's Web origins: add chrome-extension:\/\/abc/],
    ['google', /accounts\.google\.com:aud matches the token's azp claim/],
    ['auth0', /Allowed Web Origins/],
    ['okta', /Trusted Origins → add chrome-extension:\/\/abc/],
    ['cognito', /cognito:roles/],
    ['gitlab', /uncheck "Confidential"/],
    ['amazon', /www\.amazon\.com:app_id|ProviderId www\.amazon\.com/],
  ])('%s says its trap where the app is registered', (id, trap) => {
    const preset = presetById(id);
    const texts = [...(preset?.traps ?? []), ...(preset?.aws ?? [])].map((text) => presetText(text, { redirectUri: 'https://abc.chromiumapp.org/', extensionOrigin: 'chrome-extension://abc' }));
    expect(texts.some((text) => trap.test(text))).toBe(true);
  });

  it('names the origins to ask access for, the issuer first', () => {
    const config = validateConfiguration(undefined, {
      providers: [
        { id: 'g', preset: 'google', issuer: 'https://accounts.google.com', clientId: 'c', flow: 'implicit' },
        { id: 'a', type: 'oauth2', stsProviderId: 'www.amazon.com', preset: 'amazon', clientId: 'c' },
        { id: 'k', issuer: 'http://127.0.0.1:8080/realms/x', clientId: 'c' },
      ],
    });
    expect(config.providers.map(originsFor)).toEqual([
      ['https://accounts.google.com', 'https://www.googleapis.com'],
      ['https://www.amazon.com', 'https://api.amazon.com'],
      ['http://127.0.0.1:8080'],
    ]);
  });

  it.each([['google', 'accounts.google.com:sub'], ['amazon', 'www.amazon.com:user_id'], ['facebook', 'graph.facebook.com:id']])(
    'tells admins of %s to pin the user in the trust policy, since the audience alone admits anyone with an account',
    (id, key) => {
      expect(presetById(id)?.aws.join(' ')).toContain(`"${key}"`);
    },
  );
});
