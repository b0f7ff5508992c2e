import { validateConfiguration } from '../../../src/config/validate-configuration';
import type { SignInResult } from '../../../src/oidc/types';
import { claimedRolesItems, isAllowedRole, profilesFromRoles, roleArnsFromClaims, withClaimedRoles } from '../../../src/sign-in/claimed-roles';
import { claimedRolesKey, credentialsKey } from '../../../src/storage/keys';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import type { PreparedAssumeRole } from '../../../src/sts/assume-role';
import { memorySessionStore } from '../support/memory-session-store';

const dev = 'arn:aws:iam::123456789012:role/Developer';
const ro = 'arn:aws:iam::210987654321:role/team/ReadOnly';
const document = {
  providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc', rolesFromClaim: { claim: 'https://aws.amazon.com/roles', region: 'eu-west-1' } }],
  profiles: [{ id: 'mine', provider: 'corp', roleArn: dev, name: 'My developer' }],
};

describe('roles from the token', () => {
  it('reads role ARNs from an array, a string, SAML-style pairs and nested claims, skipping anything else', () => {
    expect(roleArnsFromClaims({ roles: [dev, 'admins', ro, dev] }, 'roles')).toEqual([dev, ro]);
    expect(roleArnsFromClaims({ roles: `${dev} ${ro}` }, 'roles')).toEqual([dev, ro]);
    expect(roleArnsFromClaims({ roles: [`${dev},arn:aws:iam::123456789012:saml-provider/Okta`, `arn:aws:iam::123456789012:saml-provider/Okta,${ro}`] }, 'roles')).toEqual([dev, ro]);
    expect(roleArnsFromClaims({ realm_access: { roles: [ro] } }, 'realm_access.roles')).toEqual([ro]);
    expect(roleArnsFromClaims({ 'https://aws.amazon.com/roles': [ro] }, 'https://aws.amazon.com/roles')).toEqual([ro]);
    expect(roleArnsFromClaims({ roles: 42 }, 'roles')).toEqual([]);
    expect(roleArnsFromClaims({}, 'roles')).toEqual([]);
  });

  it('makes a profile per role, leaving roles already configured alone', () => {
    const config = validateConfiguration(undefined, document);
    const provider = config.providers[0];
    if (!provider) throw new Error('no provider');
    const profiles = profilesFromRoles(provider, [dev, ro, 'arn:aws-cn:iam::123456789012:role/China'], config.profiles);
    expect(profiles).toEqual([
      expect.objectContaining({ id: 'corp-210987654321-ReadOnly', name: 'ReadOnly', roleArn: ro, accountId: '210987654321', region: 'eu-west-1', stsEndpoint: 'https://sts.eu-west-1.amazonaws.com', fromToken: true, pinned: true, durationSeconds: 3600 }),
      expect.objectContaining({ id: 'corp-123456789012-China', region: 'cn-north-1', stsEndpoint: 'https://sts.cn-north-1.amazonaws.com.cn' }),
    ]);
  });

  it('adds them to the configuration from session storage, and nothing for providers without the option', () => {
    const config = validateConfiguration(undefined, { ...document, providers: [...document.providers, { id: 'plain', issuer: 'https://p.example.com', clientId: 'x' }] });
    const merged = withClaimedRoles(config, { [claimedRolesKey('corp')]: { roleArns: [ro] }, [claimedRolesKey('plain')]: { roleArns: [dev] } });
    expect(merged.profiles.map((profile) => profile.id)).toEqual(['mine', 'corp-210987654321-ReadOnly']);
    expect(withClaimedRoles(config, {})).toBe(config);
  });

  it('gets credentials for the claimed roles in the same sign-in, and forgets them on sign-out', async () => {
    const store = memorySessionStore();
    const claims = { iss: 'https://idp.example.com', sub: 'user-1', aud: 'abc', iat: 1, exp: 2, 'https://aws.amazon.com/roles': [dev, ro] };
    const tokens: SignInResult = { idToken: 'id-token', idTokenExpiresAt: 2_000_000, subject: 'user-1', claims };
    const config = validateConfiguration(undefined, document);
    const assumed: string[] = [];
    const service = createSignInService({
      readConfiguration: async () => withClaimedRoles(config, Object.fromEntries(store.items)),
      store,
      // The service stores the roles the token lists with the session.
      signIn: async () => tokens,
      assumeRole: async (request: PreparedAssumeRole) => {
        assumed.push(request.profile.id);
        return { accessKeyId: `AKIA-${request.profile.id}`, secretAccessKey: 's', sessionToken: 't', expiration: 5_000_000, assumedRoleArn: 'a', region: request.profile.region, sessionName: request.input.RoleSessionName, issuedAt: 1 };
      },
      deriveSessionName: async (subject) => `wic-${subject}`,
      now: () => 1_000_000,
    });
    await expect(service.signIn('corp')).resolves.toEqual({ profiles: 2, failed: 0 });
    expect(assumed.sort()).toEqual(['corp-210987654321-ReadOnly', 'mine']);
    expect(store.items.get(credentialsKey('corp-210987654321-ReadOnly'))).toMatchObject({ accessKeyId: 'AKIA-corp-210987654321-ReadOnly' });
    await service.signOut('corp');
    expect([...store.items.keys()]).toEqual([]);
  });

  it('makes profiles only of roles the allowlist admits, before any STS call', async () => {
    const allowlisted = {
      ...document,
      providers: [{ ...document.providers[0], rolesFromClaim: { claim: 'roles', allowedAccounts: ['210987654321'], allowedRoleNames: ['Read*'] } }],
    };
    const config = validateConfiguration(undefined, allowlisted);
    expect(config.problems).toEqual([]);
    const provider = config.providers[0];
    if (!provider) throw new Error('no provider');
    const hostile = ['arn:aws:iam::999999999999:role/ReadOnly', 'arn:aws:iam::210987654321:role/Admin', ro, 'arn:aws:iam::210987654321:role/ReadOnlyXReadAdmin'];
    expect(profilesFromRoles(provider, hostile, []).map((profile) => profile.roleArn)).toEqual([ro, 'arn:aws:iam::210987654321:role/ReadOnlyXReadAdmin']);
    expect(claimedRolesItems(provider, { roles: hostile })).toEqual({ [claimedRolesKey('corp')]: { roleArns: [ro, 'arn:aws:iam::210987654321:role/ReadOnlyXReadAdmin'] } });
    expect(isAllowedRole({ allowedRoleNames: ['Dev'] }, 'arn:aws:iam::123456789012:role/Developer')).toBe(false);
    expect(isAllowedRole({ allowedRoleNames: ['a.c'] }, 'arn:aws:iam::123456789012:role/abc')).toBe(false);
    expect(isAllowedRole({}, dev)).toBe(true);
  });

  it('replaces the stored roles with each new token\'s, an empty list included, for providers with the option only', () => {
    const config = validateConfiguration(undefined, { ...document, providers: [...document.providers, { id: 'plain', issuer: 'https://plain.example.com', clientId: 'p' }] });
    const [corp, plain] = config.providers;
    if (!corp || !plain) throw new Error('no providers');
    expect(claimedRolesItems(corp, { 'https://aws.amazon.com/roles': [dev, ro] })).toEqual({ [claimedRolesKey('corp')]: { roleArns: [dev, ro] } });
    expect(claimedRolesItems(corp, {})).toEqual({ [claimedRolesKey('corp')]: { roleArns: [] } });
    expect(claimedRolesItems(plain, { 'https://aws.amazon.com/roles': [dev] })).toEqual({});
    // A renewed token without the claim (some IdPs leave custom claims out on refresh) keeps the roles; an empty claim takes them away.
    expect(claimedRolesItems(corp, { sub: 'u' }, { renewal: true })).toEqual({});
    expect(claimedRolesItems(corp, { 'https://aws.amazon.com/roles': [] }, { renewal: true })).toEqual({ [claimedRolesKey('corp')]: { roleArns: [] } });
  });

  it('refuses a malformed allowlist, naming the item', () => {
    const config = validateConfiguration(undefined, { providers: [{ ...document.providers[0], rolesFromClaim: { claim: 'roles', allowedAccounts: ['12'], allowedRoleNames: ['a b'] } }] });
    expect(config.problems.map((problem) => problem.path)).toEqual(['providers[0].rolesFromClaim.allowedAccounts[0]', 'providers[0].rolesFromClaim.allowedRoleNames[0]']);
  });
});
