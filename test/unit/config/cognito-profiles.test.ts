import { validateConfiguration } from '../../../src/config/validate-configuration';

const pool = 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const provider = { id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' };
// The loopback emulator the tests use stands confirmed, as a user who trusted it in the options page.
const check = (profile: Record<string, unknown>) => validateConfiguration(undefined, { providers: [provider], profiles: [{ id: 'pool', provider: 'corp', ...profile }] }, ['http://127.0.0.1:5000']);

describe('identity pool profiles', () => {
  it('need no role in the enhanced flow, take the pool\'s region and fill in the regional endpoint', () => {
    const { profiles, problems } = check({ identityPoolId: pool });
    expect(problems).toEqual([]);
    expect(profiles[0]).toMatchObject({
      roleArn: '', roleName: '', accountId: '', partition: 'aws', region: 'eu-west-1',
      cognito: { identityPoolId: pool, flow: 'enhanced', endpoint: 'https://cognito-identity.eu-west-1.amazonaws.com' },
    });
  });

  it('keep a named role and the account, sent as CustomRoleArn and AccountId', () => {
    const { profiles } = check({ identityPoolId: pool, roleArn: 'arn:aws:iam::123456789012:role/Dev', accountId: '123456789012', cognitoEndpoint: 'http://127.0.0.1:5000' });
    expect(profiles[0]).toMatchObject({ roleName: 'Dev', accountId: '123456789012', cognito: { accountId: '123456789012', endpoint: 'http://127.0.0.1:5000' } });
  });

  it('use the pool\'s partition for the China regions', () => {
    const { profiles } = check({ identityPoolId: 'cn-north-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' });
    expect(profiles[0]).toMatchObject({ partition: 'aws-cn', cognito: { endpoint: 'https://cognito-identity.cn-north-1.amazonaws.com.cn' } });
  });

  it.each([
    [{ identityPoolId: 'eu-west-1_AbCdEf123' }, 'profiles[0].identityPoolId', /must be an identity pool id, "<region>:<uuid>"/],
    [{ identityPoolId: pool, region: 'us-east-1' }, 'profiles[0].region', /must be the identity pool's region "eu-west-1"/],
    [{ identityPoolId: pool, cognitoFlow: 'classic' }, 'profiles[0].cognitoFlow', /must be "enhanced" .* or "basic"/],
    [{ identityPoolId: pool, cognitoFlow: 'basic' }, 'profiles[0].roleArn', /is required with cognitoFlow "basic"/],
    [{ identityPoolId: pool, accountId: '1234' }, 'profiles[0].accountId', /must be the 12-digit AWS account id/],
    [{ identityPoolId: pool, roleArn: 'arn:aws:iam::123456789012:role/Dev', accountId: '210987654321' }, 'profiles[0].accountId', /but roleArn is in account 123456789012/],
    [{ identityPoolId: pool, cognitoEndpoint: 'http://cognito.example.com' }, 'profiles[0].cognitoEndpoint', /must use https/],
    [{ roleArn: '', identityPoolId: '' }, 'profiles[0].roleArn', /is required/],
  ])('reject %j, naming %s', (fields, path, message) => {
    const { profiles, problems } = check(fields);
    expect(profiles).toEqual([]);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ path, severity: 'error', message: expect.stringMatching(message) })]));
  });

  it('warn about fields the enhanced flow does not send, and about Cognito fields without a pool', () => {
    const enhanced = check({ identityPoolId: pool, durationSeconds: 7200, sessionNameTemplate: '{email}' });
    expect(enhanced.profiles).toHaveLength(1);
    expect(enhanced.problems.map((problem) => [problem.path, problem.severity])).toEqual([['profiles[0].durationSeconds', 'warning'], ['profiles[0].sessionNameTemplate', 'warning']]);
    const stray = check({ roleArn: 'arn:aws:iam::123456789012:role/Dev', cognitoFlow: 'basic' });
    expect(stray.problems).toEqual([expect.objectContaining({ path: 'profiles[0].cognitoFlow', severity: 'warning', message: expect.stringMatching(/without identityPoolId/) })]);
  });

  it('accept the basic flow with a role and its session settings', () => {
    const { profiles, problems } = check({ identityPoolId: pool, cognitoFlow: 'basic', roleArn: 'arn:aws:iam::123456789012:role/Dev', durationSeconds: 7200 });
    expect(problems).toEqual([]);
    expect(profiles[0]).toMatchObject({ durationSeconds: 7200, cognito: { flow: 'basic' } });
  });
});
