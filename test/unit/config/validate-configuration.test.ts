import { validateConfiguration } from '../../../src/config/validate-configuration';

const provider = { id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc123', scopes: 'openid email' };
const profile = {
  id: 'dev',
  name: 'Dev admin',
  provider: 'corp',
  roleArn: 'arn:aws:iam::123456789012:role/Dev',
  region: 'eu-west-1',
  durationSeconds: 3600,
  stsEndpoint: 'https://sts.eu-west-1.amazonaws.com',
};

function problemsOf(local: unknown, managed?: unknown) {
  return validateConfiguration(managed, local).problems.map((problem) => `${problem.severity} ${problem.path}: ${problem.message}`);
}

describe('validateConfiguration', () => {
  it('accepts the documented example and takes the role ARN apart', () => {
    const config = validateConfiguration(undefined, { providers: [provider], profiles: [profile] });
    expect(config.problems).toEqual([]);
    expect(config.providers).toEqual([{ ...provider, source: 'local' }]);
    expect(config.profiles).toEqual([
      {
        id: 'dev',
        name: 'Dev admin',
        providerId: 'corp',
        roleArn: profile.roleArn,
        partition: 'aws',
        accountId: '123456789012',
        roleName: 'Dev',
        region: 'eu-west-1',
        durationSeconds: 3600,
        stsEndpoint: 'https://sts.eu-west-1.amazonaws.com',
        pinned: true,
        source: 'local',
      },
    ]);
  });

  it('fills in the documented defaults', () => {
    const config = validateConfiguration(undefined, {
      providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
      profiles: [{ id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' }],
    });
    expect(config.providers[0]).toMatchObject({ name: 'corp', scopes: 'openid' });
    expect(config.profiles[0]).toMatchObject({ name: 'dev', region: 'us-east-1', durationSeconds: 3600, stsEndpoint: 'https://sts.us-east-1.amazonaws.com' });
  });

  it.each([
    ['cn-north-1', 'arn:aws-cn:iam::123456789012:role/Dev', 'https://sts.cn-north-1.amazonaws.com.cn'],
    ['us-gov-west-1', 'arn:aws-us-gov:iam::123456789012:role/Dev', 'https://sts.us-gov-west-1.amazonaws.com'],
    ['us-iso-east-1', 'arn:aws-iso:iam::123456789012:role/Dev', 'https://sts.us-iso-east-1.c2s.ic.gov'],
    ['us-isob-east-1', 'arn:aws-iso-b:iam::123456789012:role/Dev', 'https://sts.us-isob-east-1.sc2s.sgov.gov'],
  ])('uses the STS endpoint of %s in its partition', (region, roleArn, endpoint) => {
    const config = validateConfiguration(undefined, { providers: [provider], profiles: [{ id: 'p', provider: 'corp', roleArn, region }] });
    expect(config.problems).toEqual([]);
    expect(config.profiles[0]?.stsEndpoint).toBe(endpoint);
  });

  it.each([
    [{ issuer: 'http://idp.example.com' }, 'providers[0].issuer: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "http://idp.example.com")'],
    [{ issuer: 'idp.example.com' }, 'providers[0].issuer: must be an absolute URL such as https://example.com (got "idp.example.com")'],
    [{ issuer: 'https://idp.example.com/?tenant=1' }, 'providers[0].issuer: must not contain a query or fragment (got "https://idp.example.com/?tenant=1")'],
    [{ clientId: '' }, 'providers[0].clientId: is required'],
    [{ scopes: 'email profile' }, 'providers[0].scopes: must include "openid" to get an ID token (got "email profile")'],
    [{ id: 'has space' }, 'providers[0].id: must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit (got "has space")'],
    [{ clientId: 42 }, 'providers[0].clientId: must be a string (got number)'],
  ])('rejects a provider with %j', (override, expected) => {
    expect(problemsOf({ providers: [{ ...provider, ...override }] })).toContain(`error ${expected}`);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/realms/x', 'http://[::1]:9000'])('allows plain http for the loopback issuer %s', (issuer) => {
    expect(problemsOf({ providers: [{ ...provider, issuer }] })).toEqual([]);
  });

  it.each([
    [{ roleArn: 'Dev' }, 'profiles[0].roleArn: must look like arn:aws:iam::123456789012:role/RoleName (got "Dev")'],
    [{ roleArn: 'arn:aws:iam::1234:role/Dev' }, 'profiles[0].roleArn: account id must be 12 digits (got "1234")'],
    [{ roleArn: 'arn:azure:iam::123456789012:role/Dev' }, 'profiles[0].roleArn: partition "azure" is not an AWS partition; use one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc'],
    [{ roleArn: 'arn:aws:iam::123456789012:user/Dev' }, 'profiles[0].roleArn: must name a role ("role/RoleName" after the account id, got "user/Dev")'],
    [{ roleArn: 'arn:aws:s3::123456789012:role/Dev' }, 'profiles[0].roleArn: must be an IAM role ARN (service "iam", got "s3"), like arn:aws:iam::123456789012:role/RoleName'],
    [{ roleArn: 'arn:aws:iam:us-east-1:123456789012:role/Dev' }, 'profiles[0].roleArn: IAM ARNs have no region; remove "us-east-1" so it reads like arn:aws:iam::123456789012:role/RoleName'],
    [{ roleArn: 'arn:aws:iam::123456789012:role/Dev!' }, 'profiles[0].roleArn: role name "Dev!" must be 1-64 letters, digits or any of + = , . @ _ -'],
    [{ durationSeconds: 600 }, 'profiles[0].durationSeconds: must be a whole number from 900 to 43200 seconds, and at most the role\'s maximum session duration (got 600)'],
    [{ durationSeconds: 43201 }, 'profiles[0].durationSeconds: must be a whole number from 900 to 43200 seconds, and at most the role\'s maximum session duration (got 43201)'],
    [{ durationSeconds: '3600' }, 'profiles[0].durationSeconds: must be a whole number from 900 to 43200 seconds, and at most the role\'s maximum session duration (got "3600")'],
    [{ region: 'Europe' }, 'profiles[0].region: must be an AWS region such as us-east-1 or eu-west-1 (got "Europe")'],
    [{ region: 'cn-north-1' }, 'profiles[0].region: region "cn-north-1" is in partition aws-cn but roleArn is in aws; pick a region of the role\'s partition'],
    [{ stsEndpoint: 'http://sts.example.com' }, 'profiles[0].stsEndpoint: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "http://sts.example.com")'],
    [{ pinned: 'yes' }, 'profiles[0].pinned: must be true or false (got "yes")'],
    [{ provider: 'nope' }, 'profiles[0].provider: no provider has id "nope"; use one of: corp'],
  ])('rejects a profile with %j', (override, expected) => {
    expect(problemsOf({ providers: [provider], profiles: [{ ...profile, ...override }] })).toContain(`error ${expected}`);
  });

  it('keeps every valid entry working next to an invalid one', () => {
    const config = validateConfiguration(undefined, {
      providers: [provider],
      profiles: [profile, { ...profile, id: 'broken', roleArn: 'arn:aws:iam::1234:role/X' }, { ...profile, id: 'ops', roleArn: 'arn:aws:iam::123456789012:role/Ops' }],
    });
    expect(config.profiles.map((entry) => entry.id)).toEqual(['dev', 'ops']);
    expect(config.problems).toEqual([
      { kind: 'profile', id: 'broken', name: 'Dev admin', source: 'local', path: 'profiles[1].roleArn', severity: 'error', message: 'account id must be 12 digits (got "1234")' },
    ]);
  });

  it('reports every wrong field of an entry at once', () => {
    const problems = problemsOf({ providers: [provider], profiles: [{ id: 'x', provider: 'corp', roleArn: 'bad', region: 'bad', durationSeconds: 1 }] });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['error profiles[0].roleArn', 'error profiles[0].region', 'error profiles[0].durationSeconds']);
  });

  it('tells a profile that its provider is broken rather than missing', () => {
    const problems = problemsOf({ providers: [{ ...provider, issuer: 'ftp://x' }], profiles: [profile] });
    expect(problems).toContain('error profiles[0].provider: provider "corp" has errors of its own; fix them first');
  });

  it('warns about unknown fields, suggesting the right spelling, and keeps the entry', () => {
    const config = validateConfiguration(undefined, { providers: [{ ...provider, clientID: 'x' }], profiles: [{ ...profile, colour: 'red' }] });
    expect(config.providers).toHaveLength(1);
    expect(config.profiles).toHaveLength(1);
    expect(config.problems.map((problem) => `${problem.severity} ${problem.path}: ${problem.message}`)).toEqual([
      'warning providers[0].clientID: unknown field, ignored; did you mean "clientId"?',
      'warning profiles[0].colour: unknown field, ignored',
    ]);
  });

  it('reports duplicate ids within one source', () => {
    const problems = problemsOf({ providers: [provider], profiles: [profile, profile] });
    expect(problems).toEqual(['error profiles[1].id: duplicate id "dev"; give each profile its own id']);
  });

  it('lets a managed entry win over a local one with the same id', () => {
    const managed = { providers: [{ ...provider, name: 'Corp (managed)' }], profiles: [{ ...profile, name: 'Dev (managed)' }] };
    const local = { providers: [{ ...provider, name: 'Mine' }], profiles: [{ ...profile, name: 'Mine' }, { ...profile, id: 'own' }] };
    const config = validateConfiguration(managed, local);
    expect(config.problems).toEqual([]);
    expect(config.providers.map((entry) => [entry.name, entry.source])).toEqual([['Corp (managed)', 'managed']]);
    expect(config.profiles.map((entry) => [entry.id, entry.name, entry.source])).toEqual([
      ['dev', 'Dev (managed)', 'managed'],
      ['own', 'Dev admin', 'local'],
    ]);
  });

  it('lets a broken managed entry shadow the local one, and says so', () => {
    const config = validateConfiguration({ providers: [{ ...provider, clientId: '' }] }, { providers: [provider] });
    expect(config.providers).toEqual([]);
    expect(config.problems).toEqual([{ kind: 'provider', id: 'corp', name: 'Corp SSO', source: 'managed', path: 'providers[0].clientId', severity: 'error', message: 'is required' }]);
  });

  it.each([
    ['a string', 'nope', '(document): the configuration must be a JSON object with "providers" and "profiles" arrays'],
    ['an array', [], '(document): the configuration must be a JSON object with "providers" and "profiles" arrays'],
    ['providers not a list', { providers: {} }, 'providers: must be an array in the configuration'],
  ])('reports a document that is %s', (_name, document, expected) => {
    expect(problemsOf(document)).toEqual([`error ${expected}`]);
  });

  it('reports an entry that is not an object', () => {
    expect(problemsOf({ providers: ['corp'] })).toContain('error providers[0]: must be an object with fields id, name, issuer, clientId, scopes');
  });

  it('treats no configuration as empty, without problems', () => {
    expect(validateConfiguration(undefined, undefined)).toEqual({ providers: [], profiles: [], problems: [] });
  });
});

describe('console sign-in fields', () => {
  const document = (fields: Record<string, unknown>) => ({ providers: [provider], profiles: [{ ...profile, ...fields }] });

  it('keeps a regional sign-in endpoint and a destination, and leaves both out when not set', () => {
    const set = validateConfiguration(undefined, document({ signinEndpoint: 'https://eu-west-1.signin.aws.amazon.com/federation', consoleDestination: 'https://eu-west-1.console.aws.amazon.com/ec2/home' }));
    expect(set.problems).toEqual([]);
    expect(set.profiles[0]).toMatchObject({ signinEndpoint: 'https://eu-west-1.signin.aws.amazon.com/federation', consoleDestination: 'https://eu-west-1.console.aws.amazon.com/ec2/home' });
    const unset = validateConfiguration(undefined, document({}));
    expect(unset.profiles[0]).not.toHaveProperty('signinEndpoint');
    expect(unset.profiles[0]).not.toHaveProperty('consoleDestination');
  });

  it.each([
    [{ signinEndpoint: 'https://login.example.com/federation' }, 'error profiles[0].signinEndpoint: must be an AWS sign-in federation endpoint on signin.aws.amazon.com, signin.amazonaws-us-gov.com, signin.amazonaws.cn or a regional host under them, such as https://eu-west-1.signin.aws.amazon.com/federation; the extension can ask for access to no other host (got "https://login.example.com/federation")'],
    [{ signinEndpoint: 42 }, 'error profiles[0].signinEndpoint: must be a string (got number)'],
    [{ consoleDestination: 'console.aws.amazon.com' }, 'error profiles[0].consoleDestination: must be an absolute URL such as https://example.com (got "console.aws.amazon.com")'],
    [{ consoleDestination: 'http://console.aws.amazon.com/' }, 'error profiles[0].consoleDestination: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "http://console.aws.amazon.com/")'],
    ...['https://console.aws.amazon.com.evil.example/', 'https://evilconsole.aws.amazon.com/', 'https://console.aws.amazon.com:8443/', 'https://a@console.aws.amazon.com/', 'http://127.0.0.1:9/']
      .map((url): [Record<string, unknown>, string] => [{ consoleDestination: url }, `error profiles[0].consoleDestination: must be a page of the AWS console, https on console.aws.amazon.com, console.amazonaws-us-gov.com, console.amazonaws.cn or a regional host under them, such as https://eu-west-1.console.aws.amazon.com/ec2/home (got ${JSON.stringify(url)})`]),
  ] as [Record<string, unknown>, string][])('names the field when %j is wrong', (fields, problem) => {
    expect(problemsOf(document(fields))).toEqual([problem]);
  });
});

describe('problems name their entry', () => {
  const labels = (local: unknown) => validateConfiguration(undefined, local).problems.map(({ kind, id, name, path }) => ({ kind, id, name, path }));

  it('carries the name of a broken provider and of a broken profile beside the id', () => {
    expect(labels({ providers: [{ ...provider, issuer: 'ftp://x' }], profiles: [{ ...profile, roleArn: 'bad' }] })).toEqual([
      { kind: 'provider', id: 'corp', name: 'Corp SSO', path: 'providers[0].issuer' },
      { kind: 'profile', id: 'dev', name: 'Dev admin', path: 'profiles[0].roleArn' },
    ]);
  });

  it('carries it on problems about the entry as a whole: a duplicate id, a missing or broken provider', () => {
    const problems = validateConfiguration(undefined, {
      providers: [provider, { ...provider, name: 'Corp again' }, { ...provider, id: 'old', issuer: 'ftp://x' }],
      profiles: [{ ...profile, provider: 'nope' }, { ...profile, id: 'ops', name: 'Ops', provider: 'old' }, { ...profile, name: 'Dev twin' }],
    }).problems;
    expect(problems.filter((problem) => problem.severity === 'error').map(({ id, name, path }) => [id, name, path])).toEqual([
      ['corp', 'Corp again', 'providers[1].id'],
      ['old', 'Corp SSO', 'providers[2].issuer'],
      ['dev', 'Dev admin', 'profiles[0].provider'],
      ['ops', 'Ops', 'profiles[1].provider'],
      ['dev', 'Dev twin', 'profiles[2].id'],
    ]);
  });

  it('leaves the name out when the entry has none, or a blank one, or one that is not text', () => {
    const problems = validateConfiguration(undefined, {
      providers: [provider],
      profiles: [{ id: 'dev', provider: 'corp', roleArn: 'bad' }, { ...profile, id: 'blank', name: '  ', roleArn: 'bad' }, { ...profile, id: 'number', name: 7, roleArn: 'bad' }],
    }).problems;
    expect(problems.filter((problem) => problem.path.endsWith('.roleArn')).map((problem) => [problem.id, 'name' in problem])).toEqual([
      ['dev', false],
      ['blank', false],
      ['number', false],
    ]);
  });
});
