import schema from '../../../src/config/managed-schema.json';
import { validateConfiguration } from '../../../src/config/validate-configuration';

/** A policy that uses every field of the format, as an administrator would push it. */
const everything = {
  schemaVersion: 2,
  trustedEndpointHosts: ['sts.corp.example', '*.corp.example'],
  providers: [
    {
      id: 'corp', name: 'Corp', issuer: 'https://idp.example.com', clientId: 'abc', scopes: 'openid email', type: 'oidc', preset: 'okta', flow: 'implicit',
      authParams: { prompt: 'select_account' }, rolesFromClaim: { claim: 'roles', region: 'eu-west-1', durationSeconds: 3600, stsEndpoint: 'https://sts.eu-west-1.amazonaws.com', pinned: true, allowedAccounts: ['123456789012'], allowedRoleNames: ['Dev*'] },
    },
    { id: 'amazon', type: 'oauth2', stsProviderId: 'www.amazon.com', clientId: 'x', authorizationEndpoint: 'https://www.amazon.com/ap/oa', userInfoEndpoint: 'https://api.amazon.com/user/profile' },
  ],
  profiles: [{
    id: 'dev', name: 'Dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', region: 'eu-west-1', durationSeconds: 3600, stsEndpoint: 'https://sts.eu-west-1.amazonaws.com',
    pinned: false, signinEndpoint: 'https://eu-west-1.signin.aws.amazon.com/federation', consoleDestination: 'https://eu-west-1.console.aws.amazon.com/ec2/home',
    alias: 'dev', color: '#00ff00', sessionPolicy: '{"Version":"2012-10-17","Statement":[]}', policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], sessionNameTemplate: '{email}',
  }, {
    id: 'pool', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Pool', identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', cognitoFlow: 'basic',
    accountId: '123456789012', cognitoEndpoint: 'https://cognito-identity.eu-west-1.amazonaws.com',
  }],
};

interface Schema {
  type: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema;
}

/** The paths of `value` that `schema` does not describe, or describes with another type. */
function uncovered(value: unknown, node: Schema | undefined, path: string): string[] {
  if (!node) return [path];
  const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== node.type) return [`${path} (${type}, schema says ${node.type})`];
  if (Array.isArray(value)) return value.flatMap((item, index) => uncovered(item, node.items, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => uncovered(item, node.properties?.[key] ?? node.additionalProperties, path ? `${path}.${key}` : key));
  }
  return [];
}

describe('managed schema', () => {
  it('describes every field of the format with its type, so policy can set all of them', () => {
    expect(validateConfiguration(everything, undefined).problems).toEqual([]);
    expect(uncovered(everything, schema as Schema, '')).toEqual([]);
  });
});
