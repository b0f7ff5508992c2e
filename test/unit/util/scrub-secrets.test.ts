import { scrubSecrets } from '../../../src/util/scrub-secrets';

const stsSessionToken = `IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD${'Ab1+/'.repeat(60)}==`;

describe('scrubSecrets', () => {
  it('removes STS session tokens, whole', () => {
    expect(scrubSecrets(`token ${stsSessionToken} end`)).toBe('token [session token removed] end');
    expect(scrubSecrets(`FwoGZXIvYXdzE${'Qk9x'.repeat(40)}`)).toBe('[session token removed]');
  });

  it.each([
    ['oidc-provider', 'kXq3Zt9pL0m-UuVbYw_E2rT5sAa8dFgHhJjKkL1zXcV'],
    ['Google', '1//0gLm3Qx9Tz7WkCgYIARAAGBASNwF-L9Ir4Wd8ZpQeVn3xHk2YtT0sUuBa'],
    ['Okta', 'tyXv3M0pQ9aZ8rL2eK5wN7bC1dF4gH6jS'],
    ['Entra', '0.AXkA7rT2s9Kp-Lm3Qx.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P'],
  ])('removes an opaque %s refresh token', (_idp, token) => {
    expect(scrubSecrets(`refresh ${token}.`)).not.toContain(token);
  });

  it('leaves words, ARNs, URLs, UUIDs and lowercase digests alone', () => {
    const text = 'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity on arn:aws:iam::123456789012:role/DeveloperReadOnlyAccess2024 '
      + 'for https://idp.example.com/.well-known/openid-configuration, request 0f8b5c3e-2a4d-4e6f-9b1c-7d2e3f4a5b6c, session wic-0123456789abcdef0123456789abcdef, '
      + 'internationalization_configuration_settings';
    expect(scrubSecrets(text)).toBe(text);
  });

  it('removes secrets the caller names, whatever their shape', () => {
    expect(scrubSecrets('invalid_grant for refresh-token-1 (expired)', ['refresh-token-1'])).toBe('invalid_grant for [token removed] (expired)');
  });
});
