import { validateConfiguration } from '../../../src/config/validate-configuration';

const provider = { id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' };
const profile = { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' };

function problemsOf(local: unknown, managed?: unknown) {
  return validateConfiguration(managed, local).problems.map((problem) => `${problem.severity} ${problem.path}: ${problem.message}`);
}

describe('configuration format 2: providers', () => {
  it('accepts flows, presets, extra parameters and roles from a claim', () => {
    const config = validateConfiguration(undefined, {
      schemaVersion: 2,
      providers: [{
        ...provider, preset: 'google', flow: 'implicit', authParams: { hd: 'example.com', prompt: 'select_account' },
        rolesFromClaim: { claim: 'https://aws.amazon.com/roles', region: 'eu-west-1', stsEndpoint: 'http://127.0.0.1:5000', pinned: false },
      }],
    }, ['http://127.0.0.1:5000']);
    expect(config.problems).toEqual([]);
    expect(config.providers[0]).toMatchObject({
      preset: 'google', flow: 'implicit', authParams: { hd: 'example.com', prompt: 'select_account' },
      rolesFromClaim: { claim: 'https://aws.amazon.com/roles', region: 'eu-west-1', durationSeconds: 3600, stsEndpoint: 'http://127.0.0.1:5000', pinned: false },
    });
  });

  it('adds nothing to a first-format provider', () => {
    expect(validateConfiguration(undefined, { providers: [provider] }).providers).toEqual([{ ...provider, name: 'corp', scopes: 'openid', source: 'local' }]);
  });

  it('takes OAuth 2.0 providers without an issuer and fills in their endpoints', () => {
    const config = validateConfiguration(undefined, { providers: [{ id: 'amazon', type: 'oauth2', stsProviderId: 'www.amazon.com', clientId: 'amzn1.application-oa2-client.x' }] });
    expect(config.problems).toEqual([]);
    expect(config.providers[0]).toMatchObject({
      issuer: 'https://www.amazon.com',
      scopes: 'profile',
      oauth: { stsProviderId: 'www.amazon.com', authorizationEndpoint: 'https://www.amazon.com/ap/oa', userInfoEndpoint: 'https://api.amazon.com/user/profile' },
    });
    expect(validateConfiguration(undefined, { providers: [{ id: 'fb', type: 'oauth2', stsProviderId: 'graph.facebook.com', clientId: '123' }] }).providers[0]?.scopes).toBe('public_profile');
  });

  it.each([
    [{ flow: 'hybrid' }, 'error providers[0].flow: must be one of "code", "implicit" (got "hybrid")'],
    [{ type: 'saml' }, 'error providers[0].type: must be one of "oidc", "oauth2" (got "saml")'],
    [{ authParams: 'prompt=login' }, 'error providers[0].authParams: must be an object of parameter names and string values, e.g. {"prompt": "select_account"}'],
    [{ authParams: { scope: 'openid email' } }, 'error providers[0].authParams.scope: is set by the extension and cannot be overridden; use "scopes"'],
    [{ authParams: { state: 'x' } }, 'error providers[0].authParams.state: is set by the extension and cannot be overridden'],
    [{ authParams: { max_age: 60 } }, 'error providers[0].authParams.max_age: must be a string (got number)'],
    [{ rolesFromClaim: { region: 'eu-west-1' } }, 'error providers[0].rolesFromClaim.claim: is required'],
    [{ rolesFromClaim: { claim: 'roles', durationSeconds: 60 } }, 'error providers[0].rolesFromClaim.durationSeconds: must be a whole number from 900 to 43200 seconds (got 60)'],
    [{ rolesFromClaim: { claim: 'roles', stsEndpoint: 'http://sts.example.com' } }, 'error providers[0].rolesFromClaim.stsEndpoint: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "http://sts.example.com")'],
    [{ rolesFromClaim: ['roles'] }, 'error providers[0].rolesFromClaim: must be an object with fields claim, region, durationSeconds, stsEndpoint, pinned'],
    [{ preset: 'ping' }, 'warning providers[0].preset: is not a preset this version knows (okta, entra, google, auth0, keycloak, cognito, gitlab, generic, amazon, facebook); its notes are not shown'],
    [{ stsProviderId: 'www.amazon.com' }, 'warning providers[0].stsProviderId: is used only with "type": "oauth2", ignored'],
    [{ rolesFromClaim: { claim: 'roles', colour: 1 } }, 'warning providers[0].rolesFromClaim.colour: unknown field, ignored'],
  ])('reports %j with its path', (override, expected) => {
    expect(problemsOf({ providers: [{ ...provider, ...override }] })).toContain(expected);
  });

  it.each([
    [{ stsProviderId: 'accounts.google.com' }, 'error providers[0].stsProviderId: must be one of "www.amazon.com", "graph.facebook.com" (got "accounts.google.com")'],
    [{ stsProviderId: undefined }, 'error providers[0].stsProviderId: is required'],
    [{ issuer: 'https://www.amazon.com' }, 'warning providers[0].issuer: is not used by OAuth 2.0 providers, ignored'],
    [{ userInfoEndpoint: 'ftp://x' }, 'error providers[0].userInfoEndpoint: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "ftp://x")'],
  ])('reports an OAuth 2.0 provider with %j', (override, expected) => {
    const entry = { id: 'amazon', type: 'oauth2', stsProviderId: 'www.amazon.com', clientId: 'x', ...override };
    expect(problemsOf({ providers: [entry] })).toContain(expected);
  });
});

describe('configuration format 2: profiles', () => {
  it('accepts alias, colour, session policies and a session name template', () => {
    const config = validateConfiguration(undefined, {
      providers: [provider],
      profiles: [{
        ...profile, alias: 'prod-eu', color: '#D13212', sessionNameTemplate: '{preferred_username}',
        sessionPolicy: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" } ] }',
        policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/team/Narrow'],
      }],
    });
    // Usable, with a word on a claim users may choose naming sessions in CloudTrail.
    expect(config.problems).toEqual([expect.objectContaining({ severity: 'warning', path: 'profiles[0].sessionNameTemplate', message: expect.stringContaining('{preferred_username} is a claim many identity providers let users choose') })]);
    expect(config.profiles[0]).toMatchObject({
      alias: 'prod-eu', color: '#d13212', sessionNameTemplate: '{preferred_username}',
      sessionPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
      policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/team/Narrow'],
    });
  });

  it('takes a session policy written as an object in a local document', () => {
    const config = validateConfiguration(undefined, { providers: [provider], profiles: [{ ...profile, sessionPolicy: { Version: '2012-10-17', Statement: [] } }] });
    expect(config.profiles[0]?.sessionPolicy).toBe('{"Version":"2012-10-17","Statement":[]}');
  });

  const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 100 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] });
  it.each([
    [{ color: 'red' }, 'error profiles[0].color: must be a colour like #d13212 (got "red")'],
    [{ alias: 'x'.repeat(65) }, 'error profiles[0].alias: must be at most 64 characters on one line'],
    [{ sessionPolicy: '{"Statement": [' }, 'error profiles[0].sessionPolicy: is not valid JSON'],
    [{ sessionPolicy: '[1]' }, 'error profiles[0].sessionPolicy: must be a JSON policy document: an object with "Version" and "Statement"'],
    [{ sessionPolicy: '{"Version":"2012-10-17"}' }, 'error profiles[0].sessionPolicy: has no "Statement"'],
    [{ sessionPolicy: big }, `error profiles[0].sessionPolicy: is ${big.length} characters without spaces; STS allows 2048: narrow it or use policyArns`],
    [{ policyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, 'error profiles[0].policyArns: must be a list of strings (got string)'],
    [{ policyArns: Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`) }, 'error profiles[0].policyArns: holds 11 items; at most 10 are allowed'],
    [{ policyArns: ['arn:aws:iam::aws:policy/A', 'arn:aws:iam::123:policy/B'] }, 'error profiles[0].policyArns[1]: must look like arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/Name (got "arn:aws:iam::123:policy/B")'],
    [{ policyArns: ['arn:aws-cn:iam::aws:policy/A'] }, 'error profiles[0].policyArns[0]: is in partition aws-cn but roleArn is in aws; use the role\'s partition'],
    [{ policyArns: ['arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/A'] }, 'error profiles[0].policyArns[1]: repeats "arn:aws:iam::aws:policy/A"; list each item once'],
    [{ policyArns: [7] }, 'error profiles[0].policyArns[0]: must be a string (got number)'],
    [{ sessionNameTemplate: '{username}' }, 'error profiles[0].sessionNameTemplate: uses unknown variable {username}; use {subject_hash}, {sub}, {preferred_username}, {email}, {email_local}, {profile}'],
    [{ sessionNameTemplate: 'wic-{email' }, 'error profiles[0].sessionNameTemplate: has an unmatched "{" or "}"; write variables as {name}'],
  ])('reports case %# with its path', (override, expected) => {
    expect(problemsOf({ providers: [provider], profiles: [{ ...profile, ...override }] }).some((problem) => problem.startsWith(expected))).toBe(true);
  });
});

describe('schemaVersion', () => {
  it.each([[1], [2]])('accepts version %i', (schemaVersion) => {
    expect(problemsOf({ schemaVersion, providers: [provider] })).toEqual([]);
  });

  it('refuses a document of a newer version, saying to update', () => {
    expect(problemsOf({ schemaVersion: 3, providers: [provider] })).toEqual([
      'error schemaVersion: is 3, written by a newer version of the extension (this one reads up to 2); update the extension',
    ]);
  });

  it('refuses a version that is not a whole number', () => {
    expect(problemsOf({ schemaVersion: '2' })).toEqual(['error schemaVersion: must be a whole number from 1 to 2 (got "2")']);
  });
});
