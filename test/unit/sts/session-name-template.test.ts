import fc from 'fast-check';
import { deriveSessionName } from '../../../src/sts/session-name';
import { checkSessionNameTemplate } from '../../../src/config/session-name-template';
import { renderSessionName, sanitizeSessionName } from '../../../src/sts/session-name';
import { sessionNameFor } from '../../../src/sts/session-name';

const claims = { sub: 'user-1', preferred_username: 'Alice Smith', email: 'alice@example.com', email_verified: true };
const stsPattern = /^[\w+=,.@-]{2,64}$/;

describe('RoleSessionName templates', () => {
  it('renders variables from the claims', async () => {
    await expect(renderSessionName('{preferred_username}', { claims, profileId: 'dev' })).resolves.toBe('Alice-Smith');
    await expect(renderSessionName('wic-{email}', { claims, profileId: 'dev' })).resolves.toBe('wic-alice@example.com');
    await expect(renderSessionName('{email_local}.{profile}', { claims, profileId: 'dev' })).resolves.toBe('alice.dev');
    await expect(renderSessionName('wic-{subject_hash}', { claims, profileId: 'dev' })).resolves.toBe(await deriveSessionName('user-1'));
  });

  it('uses an email address only when the token says it is verified', async () => {
    const fallback = await deriveSessionName('user-1');
    await expect(renderSessionName('wic-{email}', { claims: { ...claims, email_verified: false }, profileId: 'dev' })).resolves.toBe(fallback);
    await expect(renderSessionName('{email_local}', { claims: { sub: 'user-1', email: 'alice@example.com' }, profileId: 'dev' })).resolves.toBe(fallback);
    await expect(renderSessionName('wic-{email}', { claims: { ...claims, email_verified: 'true' }, profileId: 'dev' })).resolves.toBe('wic-alice@example.com');
  });

  it('falls back to the hashed subject when a claim is missing or the name too short', async () => {
    const fallback = await deriveSessionName('user-1');
    await expect(renderSessionName('{email}', { claims: { sub: 'user-1' }, profileId: 'dev' })).resolves.toBe(fallback);
    await expect(renderSessionName('x', { claims, profileId: 'dev' })).resolves.toBe(fallback);
  });

  it('always yields what STS accepts, whatever the claims hold', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), fc.string(), fc.string({ minLength: 1 }), fc.constantFrom('{preferred_username}', '{email}-{profile}', 'ü {sub} ü', '{email_local}'), async (username, email, sub, template) => {
      const name = await renderSessionName(template, { claims: { sub, preferred_username: username, email, email_verified: true }, profileId: 'p' });
      expect(name).toMatch(stsPattern);
    }), { numRuns: 300 });
    expect(sanitizeSessionName('a b/c'.repeat(30))).toMatch(/^[\w+=,.@-]{64}$/);
  });

  it('checks templates', () => {
    expect(checkSessionNameTemplate('wic-{subject_hash}')).toBeUndefined();
    expect(checkSessionNameTemplate('{name}')).toMatch(/^uses unknown variable \{name\}/);
    expect(checkSessionNameTemplate('x'.repeat(65))).toBe('has more than 64 characters of its own; STS allows 64 in all');
  });

  it('applies a profile\'s template to the ID token, and leaves access tokens with the default', async () => {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const idToken = `eyJhbGciOiJSUzI1NiJ9.${payload}.sig`;
    await expect(sessionNameFor({ profile: { id: 'dev', sessionNameTemplate: '{preferred_username}' }, idToken, sessionName: 'wic-default' })).resolves.toBe('Alice-Smith');
    await expect(sessionNameFor({ profile: { id: 'dev' }, idToken, sessionName: 'wic-default' })).resolves.toBe('wic-default');
    await expect(sessionNameFor({ profile: { id: 'dev', sessionNameTemplate: '{email}' }, idToken: 'opaque-access-token', sessionName: 'wic-default' })).resolves.toBe('wic-default');
  });
});
