import { endpointOrigin, isAwsCognitoEndpoint, isAwsStsEndpoint, matchesHostPattern, noEndpointTrust, originToConfirm } from '../../../src/config/endpoint-trust';
import { checkConfigImport } from '../../../src/config/import-config';
import { validateConfiguration } from '../../../src/config/validate-configuration';

const roleArn = 'arn:aws:iam::123456789012:role/Dev';
const managedProvider = { providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }] };

describe('AWS STS hosts', () => {
  it.each([
    'https://sts.amazonaws.com',
    'https://sts.amazonaws.com/',
    'https://sts.eu-west-1.amazonaws.com',
    'https://STS.EU-WEST-1.AMAZONAWS.COM/',
    'https://sts-fips.us-east-1.amazonaws.com',
    'https://sts.us-gov-west-1.amazonaws.com',
    'https://sts-fips.us-gov-east-1.amazonaws.com',
    'https://sts.cn-north-1.amazonaws.com.cn',
    'https://sts.cn-northwest-1.amazonaws.com.cn',
    'https://sts.eu-central-1.api.aws',
    'https://vpce-0123456789abcdef0-abcdefgh.sts.eu-west-1.vpce.amazonaws.com',
    'https://vpce-0123456789abcdef0-abcdefgh-eu-west-1a.sts.eu-west-1.vpce.amazonaws.com',
    'https://sts.us-iso-east-1.c2s.ic.gov',
  ])('trusts %s', (url) => {
    expect(isAwsStsEndpoint(url)).toBe(true);
    expect(originToConfirm(url, 'sts', noEndpointTrust)).toBeUndefined();
  });

  it.each([
    ['a look-alike suffix', 'https://sts.eu-west-1.amazonaws.com.evil.example/'],
    ['a look-alike prefix', 'https://evilsts.eu-west-1.amazonaws.com'],
    ['another AWS service', 'https://s3.eu-west-1.amazonaws.com'],
    ['a bucket under amazonaws.com', 'https://sts.eu-west-1.amazonaws.com.s3.amazonaws.com'],
    ['a trailing dot', 'https://sts.amazonaws.com./'],
    ['userinfo naming AWS', 'https://sts.amazonaws.com@evil.example/'],
    ['userinfo before AWS', 'https://evil.example:x@sts.amazonaws.com/'],
    ['another port', 'https://sts.amazonaws.com:8443/'],
    ['plain http', 'http://sts.amazonaws.com/'],
    ['an IDN homograph (Cyrillic a)', 'https://sts.\u0430mazonaws.com/'],
    ['a punycode look-alike', 'https://sts.xn--amazonaws-xyz.com/'],
    ['loopback', 'http://127.0.0.1:5000/'],
    ['localhost', 'http://localhost:5000/'],
    ['a VPC endpoint name of another service', 'https://vpce-0123-abcd.s3.eu-west-1.vpce.amazonaws.com'],
    ['a VPC endpoint look-alike', 'https://vpce-0123-abcd.sts.eu-west-1.vpce.amazonaws.com.evil.example'],
    ['no region', 'https://sts..amazonaws.com'],
    ['not a URL', 'sts.amazonaws.com'],
  ])('does not trust %s', (_case, url) => {
    expect(isAwsStsEndpoint(url)).toBe(false);
    expect(originToConfirm(url, 'sts', noEndpointTrust)).toBeDefined();
  });

  it('asks to confirm the origin, port included, and trusts exactly that origin once confirmed', () => {
    expect(originToConfirm('http://127.0.0.1:5000/x', 'sts', noEndpointTrust)).toBe('http://127.0.0.1:5000');
    const trust = { policyHosts: [], confirmedOrigins: ['http://127.0.0.1:5000'] };
    expect(originToConfirm('http://127.0.0.1:5000/', 'sts', trust)).toBeUndefined();
    expect(originToConfirm('http://127.0.0.1:5001/', 'sts', trust)).toBe('http://127.0.0.1:5001');
    expect(originToConfirm('https://127.0.0.1:5000/', 'sts', trust)).toBe('https://127.0.0.1:5000');
  });

  it('matches the policy\'s host patterns exactly or by subdomain, never by suffix', () => {
    expect(matchesHostPattern('sts.corp.example', 'sts.corp.example')).toBe(true);
    expect(matchesHostPattern('a.corp.example', '*.corp.example')).toBe(true);
    expect(matchesHostPattern('corp.example', '*.corp.example')).toBe(false);
    expect(matchesHostPattern('evilcorp.example', '*.corp.example')).toBe(false);
    expect(matchesHostPattern('sts.corp.example.evil', 'sts.corp.example')).toBe(false);
  });

  it('names the origin the browser would reach, not what the text seems to say', () => {
    expect(endpointOrigin('https://sts.amazonaws.com@evil.example/')).toBeUndefined();
    expect(endpointOrigin('https://STS.Example.com:443/a')).toBe('https://sts.example.com');
  });
});

describe('Amazon Cognito identity hosts', () => {
  it.each([
    'https://cognito-identity.eu-west-1.amazonaws.com',
    'https://cognito-identity-fips.us-east-1.amazonaws.com/',
    'https://cognito-identity.cn-north-1.amazonaws.com.cn',
    'https://vpce-0123456789abcdef0-abcdefgh.cognito-identity.eu-west-1.vpce.amazonaws.com',
  ])('trusts %s', (url) => {
    expect(isAwsCognitoEndpoint(url)).toBe(true);
    expect(originToConfirm(url, 'cognito', noEndpointTrust)).toBeUndefined();
  });

  it.each([
    'https://cognito-identity.eu-west-1.amazonaws.com.evil.example',
    'https://cognito-identity.eu-west-1.amazonaws.com:8443',
    'http://cognito-identity.eu-west-1.amazonaws.com',
    'https://user@cognito-identity.eu-west-1.amazonaws.com',
    'https://sts.eu-west-1.amazonaws.com',
  ])('asks before sending a token to %s', (url) => {
    expect(originToConfirm(url, 'cognito', noEndpointTrust)).toBeDefined();
  });

  it('keeps a user identity pool profile whose cognitoEndpoint is unconfirmed out of service, and trusts the default', () => {
    const pool = { id: 'team', provider: 'corp', identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' };
    const hostile = validateConfiguration(managedProvider, { profiles: [{ ...pool, cognitoEndpoint: 'https://cognito.evil.example' }] });
    expect(hostile.profiles).toEqual([]);
    expect(hostile.problems).toEqual([expect.objectContaining({ path: 'profiles[0].cognitoEndpoint', confirmOrigin: 'https://cognito.evil.example' })]);
    const plain = validateConfiguration(managedProvider, { profiles: [pool] });
    expect(plain.problems).toEqual([]);
    expect(plain.profiles).toHaveLength(1);
  });
});

describe('endpoints in configuration', () => {
  const hostile = { profiles: [{ id: 'x', provider: 'corp', roleArn, stsEndpoint: 'https://sts.eu-west-1.amazonaws.com.evil.example/' }] };

  it('keeps a user profile with an unconfirmed STS endpoint out of service, even under a managed provider', () => {
    const config = validateConfiguration(managedProvider, hostile);
    expect(config.profiles).toEqual([]);
    expect(config.problems).toEqual([expect.objectContaining({
      path: 'profiles[0].stsEndpoint', severity: 'error', source: 'local', confirmOrigin: 'https://sts.eu-west-1.amazonaws.com.evil.example',
      message: expect.stringContaining('https://sts.eu-west-1.amazonaws.com.evil.example'),
    })]);
  });

  it('takes the policy\'s own endpoints as they are, loopback included', () => {
    const config = validateConfiguration({ ...managedProvider, profiles: [{ id: 'dev', provider: 'corp', roleArn, stsEndpoint: 'http://127.0.0.1:5000' }] }, undefined);
    expect(config.problems).toEqual([]);
    expect(config.profiles.map((profile) => profile.stsEndpoint)).toEqual(['http://127.0.0.1:5000']);
  });

  it('lets a user endpoint use a host the policy allows, and no other', () => {
    const policy = { ...managedProvider, trustedEndpointHosts: ['*.corp.example'] };
    const allowed = validateConfiguration(policy, { profiles: [{ id: 'a', provider: 'corp', roleArn, stsEndpoint: 'https://sts.corp.example' }] });
    expect(allowed.problems).toEqual([]);
    const other = validateConfiguration(policy, { profiles: [{ id: 'a', provider: 'corp', roleArn, stsEndpoint: 'https://sts.corp.example.evil' }] });
    expect(other.profiles).toEqual([]);
  });

  it('checks roles-from-claim STS endpoints and OAuth 2.0 endpoints of user providers', () => {
    const config = validateConfiguration(undefined, {
      providers: [
        { id: 'claims', issuer: 'https://idp.example.com', clientId: 'a', rolesFromClaim: { claim: 'roles', stsEndpoint: 'https://evil.example' } },
        { id: 'amazon', type: 'oauth2', stsProviderId: 'www.amazon.com', clientId: 'b', userInfoEndpoint: 'https://evil.example/me' },
        { id: 'fb', type: 'oauth2', stsProviderId: 'graph.facebook.com', clientId: 'c', authorizationEndpoint: 'https://evil.example/auth' },
        { id: 'plain', type: 'oauth2', stsProviderId: 'www.amazon.com', clientId: 'd' },
      ],
    });
    expect(config.providers.map((provider) => provider.id)).toEqual(['plain']);
    expect(config.problems.map((problem) => [problem.path, problem.confirmOrigin])).toEqual([
      ['providers[0].rolesFromClaim.stsEndpoint', 'https://evil.example'],
      ['providers[1].userInfoEndpoint', 'https://evil.example'],
      ['providers[2].authorizationEndpoint', 'https://evil.example'],
    ]);
  });

  it('refuses a malformed trustedEndpointHosts in the policy, naming the field', () => {
    const config = validateConfiguration({ trustedEndpointHosts: 'evil.example' }, undefined);
    expect(config.problems).toEqual([expect.objectContaining({ path: 'trustedEndpointHosts', severity: 'error' })]);
  });
});

describe('imports', () => {
  it('asks to confirm each host a token would go to, and imports once confirmed', () => {
    const text = JSON.stringify({ profiles: [{ id: 'x', provider: 'corp', roleArn, stsEndpoint: 'https://sts.eu-west-1.amazonaws.com.evil.example/' }] });
    const refused = checkConfigImport(text, managedProvider);
    expect(refused).toEqual({ ok: false, problems: [expect.stringContaining('profiles[0].stsEndpoint')], toConfirm: ['https://sts.eu-west-1.amazonaws.com.evil.example'] });
    expect(checkConfigImport(text, managedProvider, ['https://sts.eu-west-1.amazonaws.com.evil.example']).ok).toBe(true);
  });

  it('offers no confirmation when other errors remain', () => {
    const text = JSON.stringify({ profiles: [{ id: 'x', provider: 'corp', roleArn: 'nope', stsEndpoint: 'https://evil.example/' }] });
    const result = checkConfigImport(text, managedProvider);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('toConfirm');
  });

  it('imports AWS-only endpoints of every partition without a prompt', () => {
    const text = JSON.stringify({
      providers: [{ id: 'own', issuer: 'https://idp.example.com', clientId: 'x' }],
      profiles: [
        { id: 'a', provider: 'corp', roleArn, region: 'eu-west-1' },
        { id: 'b', provider: 'own', roleArn, stsEndpoint: 'https://sts.amazonaws.com' },
        { id: 'c', provider: 'own', roleArn: 'arn:aws-cn:iam::123456789012:role/Dev', region: 'cn-north-1' },
        { id: 'd', provider: 'own', roleArn: 'arn:aws-us-gov:iam::123456789012:role/Dev', region: 'us-gov-west-1', stsEndpoint: 'https://sts-fips.us-gov-west-1.amazonaws.com' },
        { id: 'e', provider: 'own', roleArn, stsEndpoint: 'https://vpce-0abc-def.sts.eu-west-1.vpce.amazonaws.com' },
      ],
    });
    expect(checkConfigImport(text, managedProvider)).toMatchObject({ ok: true, profiles: 5 });
  });
});
