import { validateConfiguration } from '../../../src/config/validate-configuration';
import { decodeJwtClaims } from '../../../src/oidc/decode-jwt';
import { redactClaims } from '../../../src/diagnostics/redact-claims';
import { scrubSecrets } from '../../../src/util/scrub-secrets';
import { suggestTrustPolicy } from '../../../src/diagnostics/trust-policy';
import { signJwt } from '../support/fake-idp';

const config = validateConfiguration(undefined, {
  providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com/tenant', clientId: 'client-123' }],
  profiles: [
    { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
    { id: 'gov', provider: 'corp', roleArn: 'arn:aws-us-gov:iam::210987654321:role/Gov', region: 'us-gov-west-1' },
  ],
});
const [provider] = config.providers;
const [dev, gov] = config.profiles;
if (!provider || !dev || !gov) throw new Error('fixture');
const claims = { iss: 'https://idp.example.com/tenant', aud: 'client-123', sub: 'user-1', exp: 2, iat: 1, amr: ['pwd', 'mfa'] };

describe('suggestTrustPolicy', () => {
  it('trusts the issuer of the token with its audience and subject', () => {
    const suggestion = suggestTrustPolicy(claims, dev, provider);
    expect(suggestion?.policy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/idp.example.com/tenant' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'idp.example.com/tenant:aud': 'client-123', 'idp.example.com/tenant:sub': 'user-1' } },
      }],
    });
    expect(JSON.parse(suggestion?.text ?? '')).toEqual(suggestion?.policy);
  });

  it('suggests nothing for an OAuth 2.0 provider, whose roles trust no IAM OIDC provider', () => {
    const amazon = { ...provider, issuer: 'https://www.amazon.com', oauth: { stsProviderId: 'www.amazon.com', authorizationEndpoint: 'https://www.amazon.com/ap/oa', userInfoEndpoint: 'https://api.amazon.com/user/profile' } };
    expect(suggestTrustPolicy({ ...claims, iss: 'https://www.amazon.com' }, dev, amazon)).toBeUndefined();
    expect(suggestTrustPolicy(claims, dev, provider)).toBeDefined();
  });

  it('uses the claims, not the configuration: a token from another issuer gets that issuer', () => {
    const suggestion = suggestTrustPolicy({ ...claims, iss: 'https://login.other.example/' }, dev, provider);
    expect(suggestion?.federatedPrincipal).toBe('arn:aws:iam::123456789012:oidc-provider/login.other.example');
  });

  it('uses azp for the audience condition when present, as IAM does', () => {
    expect(suggestTrustPolicy({ ...claims, aud: ['api', 'client-123'], azp: 'client-x' }, dev, provider)?.audience).toBe('client-x');
    expect(suggestTrustPolicy({ ...claims, aud: ['api', 'client-123'] }, dev, provider)?.audience).toBe('client-123');
  });

  it('adds sts:TagSession when the token carries session tags, and follows the partition', () => {
    const suggestion = suggestTrustPolicy({ ...claims, 'https://aws.amazon.com/tags': { principal_tags: { team: ['a'] } } }, gov, provider);
    expect(suggestion?.policy).toMatchObject({
      Statement: [{ Principal: { Federated: 'arn:aws-us-gov:iam::210987654321:oidc-provider/idp.example.com/tenant' }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }],
    });
  });

  it.each([{ ...claims, iss: 42 }, { ...claims, iss: 'not a url' }, { ...claims, sub: '' }, { ...claims, aud: [] }])('suggests nothing without issuer, audience and subject: %j', (bad) => {
    expect(suggestTrustPolicy(bad, dev, provider)).toBeUndefined();
  });
});

describe('redactClaims', () => {
  it('keeps what explains a refusal and replaces what names a person', () => {
    const redacted = redactClaims({
      ...claims,
      email: 'alice@example.com',
      groups: ['admins', 'dev'],
      'https://aws.amazon.com/tags': { principal_tags: { department: ['finance'] }, transitive_tag_keys: ['department'] },
    });
    expect(redacted).toEqual({
      iss: 'https://idp.example.com/tenant',
      aud: 'client-123',
      sub: '[redacted, 6 characters]',
      exp: 2,
      iat: 1,
      amr: ['pwd', 'mfa'],
      email: '[redacted, 17 characters]',
      groups: '[redacted, list of 2]',
      'https://aws.amazon.com/tags': { principal_tags: { department: '[redacted, list of 1]' }, transitive_tag_keys: ['department'] },
    });
  });
});

describe('decodeJwtClaims', () => {
  it('reads the payload of a signed token', () => {
    expect(decodeJwtClaims(signJwt({ sub: 'ünïcode', n: 1 }))).toEqual({ sub: 'ünïcode', n: 1 });
  });

  it.each([undefined, 42, '', 'a.b', 'a.b.c.d', 'x.!!!.y', `x.${Buffer.from('[1]').toString('base64url')}.y`, `x.${Buffer.from('not json').toString('base64url')}.y`])('gives nothing for %j', (token) => {
    expect(decodeJwtClaims(token)).toBeUndefined();
  });
});

describe('scrubSecrets', () => {
  it('cuts tokens, access key ids and secret keys out of text', () => {
    const text = `token ${signJwt({ sub: 'x' })} key ASIAQWERTYUIOPASDFGH secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.`;
    expect(scrubSecrets(text)).toBe('token [token removed] key [access key removed] secret [secret removed].');
  });
});
