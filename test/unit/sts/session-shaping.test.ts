import type { Profile, Provider } from '../../../src/config/types';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { startStsStandIn, stsCredentials } from '../support/sts-stand-in';

const roleArn = 'arn:aws:iam::123456789012:role/Dev';
const provider: Provider = { id: 'corp', name: 'Corp', issuer: 'https://idp.example.com', clientId: 'c', scopes: 'openid', source: 'local' };
const claims = Buffer.from(JSON.stringify({ sub: 'user-1', preferred_username: 'alice' })).toString('base64url');

function profileAt(endpoint: string, extra: Partial<Profile> = {}): Profile {
  return { id: 'dev', name: 'Dev', providerId: 'corp', roleArn, partition: 'aws', accountId: '123456789012', roleName: 'Dev', region: 'eu-west-1', durationSeconds: 3600, stsEndpoint: endpoint, pinned: true, source: 'local', ...extra };
}

async function paramsOf(profile: (endpoint: string) => Profile, withProvider: Provider = provider) {
  const sts = await startStsStandIn((request) => stsCredentials(roleArn, request.params.get('RoleSessionName') ?? '', 3600));
  try {
    const credentials = await assumeRoleWithWebIdentity({ profile: profile(sts.endpoint), provider: withProvider, idToken: `h.${claims}.s`, sessionName: 'wic-default' });
    return { params: sts.requests[0]?.params ?? new URLSearchParams(), credentials };
  } finally {
    await sts.close();
  }
}

describe('shaping the STS session', () => {
  it('sends the inline session policy and managed policy ARNs', async () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    const { params } = await paramsOf((endpoint) => profileAt(endpoint, { sessionPolicy: policy, policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/Narrow'] }));
    expect(params.get('Policy')).toBe(policy);
    expect(params.get('PolicyArns.member.1.arn')).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(params.get('PolicyArns.member.2.arn')).toBe('arn:aws:iam::123456789012:policy/Narrow');
    expect(params.has('ProviderId')).toBe(false);
  });

  it('sends neither when the profile sets none', async () => {
    const { params } = await paramsOf((endpoint) => profileAt(endpoint));
    expect([...params.keys()].filter((key) => key.startsWith('Policy'))).toEqual([]);
    expect(params.get('RoleSessionName')).toBe('wic-default');
  });

  it('names the session from the profile\'s template', async () => {
    const { params, credentials } = await paramsOf((endpoint) => profileAt(endpoint, { sessionNameTemplate: 'wic-{preferred_username}' }));
    expect(params.get('RoleSessionName')).toBe('wic-alice');
    expect(credentials.sessionName).toBe('wic-alice');
  });

  it('passes the ProviderId of an OAuth 2.0 provider', async () => {
    const amazon: Provider = { ...provider, issuer: 'https://www.amazon.com', oauth: { stsProviderId: 'www.amazon.com', authorizationEndpoint: 'https://www.amazon.com/ap/oa', userInfoEndpoint: 'https://api.amazon.com/user/profile' } };
    const { params } = await paramsOf((endpoint) => profileAt(endpoint), amazon);
    expect(params.get('ProviderId')).toBe('www.amazon.com');
  });
});
