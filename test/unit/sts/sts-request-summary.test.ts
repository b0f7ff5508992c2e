import type { Profile, Provider } from '../../../src/config/types';
import { stsRequestSummary } from '../../../src/sts/sts-request-summary';
import { prepareAssumeRole, sendAssumeRole } from '../../../src/sts/assume-role';
import type { AssumeRoleRequest } from '../../../src/sts/assume-role';
import { startStsStandIn, stsCredentials } from '../support/sts-stand-in';

const roleArn = 'arn:aws:iam::123456789012:role/Dev';
const oidc: Provider = { id: 'corp', name: 'Corp', issuer: 'https://idp.example.com', clientId: 'c', scopes: 'openid', source: 'local' };
const amazon: Provider = { ...oidc, issuer: 'https://www.amazon.com', oauth: { stsProviderId: 'www.amazon.com', authorizationEndpoint: 'https://www.amazon.com/ap/oa', userInfoEndpoint: 'https://api.amazon.com/user/profile' } };
const idToken = `h.${Buffer.from(JSON.stringify({ sub: 'user-1', preferred_username: 'alice' })).toString('base64url')}.s`;
const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

function profileAt(endpoint: string, extra: Partial<Profile> = {}): Profile {
  return { id: 'dev', name: 'Dev', providerId: 'corp', roleArn, partition: 'aws', accountId: '123456789012', roleName: 'Dev', region: 'eu-west-1', durationSeconds: 1800, stsEndpoint: endpoint, pinned: true, source: 'local', ...extra };
}

/** The summary beside the form parameters STS received for the same request. */
async function summaryAndSent(extra: Partial<Profile>, provider: Provider) {
  const sts = await startStsStandIn((request) => stsCredentials(roleArn, request.params.get('RoleSessionName') ?? '', 1800));
  try {
    const request: AssumeRoleRequest = { profile: profileAt(sts.endpoint, extra), provider, idToken, sessionName: 'wic-default' };
    // One prepared request serves both, as in the sign-in.
    const prepared = await prepareAssumeRole(request);
    const summary = stsRequestSummary(prepared);
    await sendAssumeRole(prepared);
    return { summary, sent: Object.fromEntries(sts.requests[0]?.params ?? []), endpoint: sts.endpoint };
  } finally {
    await sts.close();
  }
}

describe('the STS request as the diagnostics show it', () => {
  it('names what was sent: templated session name, session policies, ProviderId; never the token', async () => {
    const { summary, sent, endpoint } = await summaryAndSent({ sessionNameTemplate: 'wic-{preferred_username}', sessionPolicy: policy, policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/Narrow'] }, amazon);
    expect(summary).toEqual({
      endpoint,
      region: 'eu-west-1',
      RoleArn: sent.RoleArn,
      RoleSessionName: sent.RoleSessionName,
      DurationSeconds: Number(sent.DurationSeconds),
      ProviderId: sent.ProviderId,
      Policy: sent.Policy,
      PolicyArns: `${sent['PolicyArns.member.1.arn']}, ${sent['PolicyArns.member.2.arn']}`,
    });
    expect(summary.RoleSessionName).toBe('wic-alice');
    expect(JSON.stringify(summary)).not.toContain(idToken);
  });

  it('leaves out what the request leaves out', async () => {
    const { summary, sent } = await summaryAndSent({}, oidc);
    expect(Object.keys(summary).sort()).toEqual(['DurationSeconds', 'RoleArn', 'RoleSessionName', 'endpoint', 'region']);
    expect(summary.RoleSessionName).toBe(sent.RoleSessionName);
    expect(Object.keys(sent).filter((key) => key.startsWith('Policy') || key === 'ProviderId')).toEqual([]);
  });
});
