// Console sign-in with an identity pool's credentials: the same federation requests as for a role,
// with the endpoint and destination of the pool's partition and region.
import { consoleSignInUrl } from '../../../src/console/console-sign-in';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { sampleCredentials } from '../support/fixtures';

const now = 1_800_000_000_000;

it.each([
  ['eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', 'https://signin.aws.amazon.com/federation', 'https://console.aws.amazon.com/console/home?region=eu-west-1'],
  ['cn-north-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', 'https://signin.amazonaws.cn/federation', 'https://console.amazonaws.cn/console/home?region=cn-north-1'],
])('opens the console for pool %s', async (identityPoolId, federation, destination) => {
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
    profiles: [{ id: 'pool', provider: 'corp', identityPoolId }],
  });
  const [profile] = config.profiles;
  if (!profile) throw new Error(JSON.stringify(config.problems));
  const requests: URL[] = [];
  const fetch = async (url: string) => {
    requests.push(new URL(url));
    return new Response(JSON.stringify({ SigninToken: 'token-from-aws' }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const credentials = sampleCredentials(now + 3_600_000, { accessKeyId: 'ASIAPOOL', assumedRoleArn: '', sessionName: 'CognitoIdentityCredentials' });
  const url = new URL(await consoleSignInUrl({ profile, credentials, now, fetch }));
  expect(`${requests[0]?.origin}${requests[0]?.pathname}`).toBe(federation);
  expect(JSON.parse(requests[0]?.searchParams.get('Session') ?? '')).toMatchObject({ sessionId: 'ASIAPOOL' });
  expect(url.searchParams.get('Destination')).toBe(destination);
});
