/**
 * Whatever STS (or something posing as it) answers, the exchange ends with credentials or an
 * ExtensionError that says what happened and what to do, and the diagnostics built from it never
 * fail or leak the token.
 */
import fc from 'fast-check';
import type { Profile, Provider } from '../../../src/config/types';
import { buildDebugReport } from '../../../src/diagnostics/debug-report';
import { decodeJwtClaims } from '../../../src/oidc/decode-jwt';
import { redactClaims } from '../../../src/diagnostics/redact-claims';
import { suggestTrustPolicy } from '../../../src/diagnostics/trust-policy';
import { ErrorCodes, ExtensionError } from '../../../src/errors';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { stsErrorDetails } from '../../../src/sts/sts-error-details';
import { explainStsError } from '../../../src/sts/sts-errors';
import { startStsStandIn, stsCredentials } from '../support/sts-stand-in';
import type { StsAnswer } from '../support/sts-stand-in';
import { failOnUnhandledRejection } from './no-unhandled-rejection';

// Hundreds of examples take seconds, several times longer on a loaded CI machine; the timeout
// only guards against a hang (speed is the benchmark's business).
jest.setTimeout(60_000);

failOnUnhandledRejection();

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'client-123', scopes: 'openid', source: 'local' };
const profileAt = (endpoint: string): Profile => ({ id: 'dev', name: 'Dev', providerId: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', partition: 'aws', accountId: '123456789012', roleName: 'Dev', region: 'us-east-1', durationSeconds: 3600, stsEndpoint: endpoint, pinned: true, source: 'local' });
const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwcm9wZXJ0eSJ9.c2lnbmF0dXJlLXByb3BlcnR5';
const codes = new Set<string>(Object.values(ErrorCodes));

function expectClear(error: unknown): ExtensionError {
  expect(error).toBeInstanceOf(ExtensionError);
  const explained = error as ExtensionError;
  expect(codes.has(explained.code)).toBe(true);
  expect(explained.message.length).toBeGreaterThan(10);
  expect(explained.hint?.length).toBeGreaterThan(5);
  expect(`${explained.message} ${explained.hint}`).not.toContain(token);
  return explained;
}

const wireCodes = fc.constantFrom('InvalidIdentityToken', 'ExpiredTokenException', 'IDPRejectedClaim', 'IDPCommunicationError', 'AccessDenied', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabledException', 'ValidationError', 'Throttling', 'InternalFailure', 'ServiceUnavailable');
const text = fc.oneof(fc.string(), fc.constant(`token ${token} echoed`), fc.constantFrom('DurationSeconds exceeds the MaxSessionDuration', '<&>"\'', ''));

describe('STS errors, whatever they hold', () => {
  it('are explained without throwing', () => {
    const errorLike = fc.record({
      name: fc.oneof(wireCodes, fc.string()),
      message: text,
      Code: fc.option(fc.oneof(wireCodes, fc.string(), fc.integer()), { nil: undefined }),
      $fault: fc.option(fc.constantFrom('client', 'server', 'other'), { nil: undefined }),
      $metadata: fc.option(fc.record({ httpStatusCode: fc.option(fc.integer({ min: 100, max: 599 })), attempts: fc.option(fc.integer({ min: 0, max: 9 })) }), { nil: undefined }),
      $response: fc.option(fc.anything(), { nil: undefined }),
    }, { requiredKeys: ['name', 'message'] });
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: errorLike.map((fields) => Object.assign(new Error(fields.message), fields)) }, { weight: 1, arbitrary: fc.anything() }), (thrown) => {
        expectClear(explainStsError(thrown, profileAt('https://sts.us-east-1.amazonaws.com'), provider));
        const details = stsErrorDetails(explainStsError(thrown, profileAt('https://sts.us-east-1.amazonaws.com'), provider));
        if (details) expect(details.message).not.toContain(token);
      }),
      { numRuns: 500 },
    );
  });

  it('are explained when they come over HTTP, as XML or anything else', async () => {
    let answer: StsAnswer = { status: 200, body: '' };
    const sts = await startStsStandIn(() => answer);
    const body = fc.oneof(
      fc.tuple(wireCodes, text).map(([code, message]) => `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`),
      fc.string(),
      fc.constant(stsCredentials('arn:aws:iam::123456789012:role/Dev', 'wic-1', 3600).body),
      fc.constant('<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>A</AccessKeyId></Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>'),
    );
    // Mostly answers the SDK does not retry, so a run stays short.
    const status = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(200, 400, 403, 404) }, { weight: 1, arbitrary: fc.constantFrom(500, 503) });
    const seen = { ok: 0, refused: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(status, body, async (code, xml) => {
          answer = { status: code, body: xml };
          try {
            const credentials = await assumeRoleWithWebIdentity({ profile: profileAt(sts.endpoint), provider, idToken: token, sessionName: 'wic-1' });
            seen.ok += 1;
            expect(code).toBe(200);
            expect(credentials.accessKeyId).toBe('ASIAEXAMPLE000000001');
          } catch (error) {
            seen.refused += 1;
            expectClear(error);
          }
        }),
        // Both outcomes every time: random draws alone give no valid answer in about 4 % of runs.
        { numRuns: 60, examples: [[200, stsCredentials('arn:aws:iam::123456789012:role/Dev', 'wic-1', 3600).body], [403, '<ErrorResponse><Error><Code>AccessDenied</Code><Message>Not authorized</Message></Error></ErrorResponse>']] },
      );
    } finally {
      await sts.close();
    }
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 120_000);
});

describe('diagnostics, whatever the claims', () => {
  it('decode, redact, suggest and report without throwing or leaking a token', () => {
    const claims = fc.dictionary(fc.oneof(fc.constantFrom('iss', 'aud', 'azp', 'sub', 'exp', 'amr', 'email', 'https://aws.amazon.com/tags'), fc.string()), fc.oneof(fc.jsonValue(), fc.constant(token), fc.constant('https://idp.example.com/x')));
    fc.assert(
      fc.property(claims, fc.string(), (values, raw) => {
        expect(decodeJwtClaims(raw) ?? {}).toEqual(expect.any(Object));
        const redacted = redactClaims(values);
        expect(Object.keys(redacted).sort()).toEqual(Object.keys(values).sort());
        const suggestion = suggestTrustPolicy(values, profileAt('https://sts.amazonaws.com'), provider);
        if (suggestion) expect(JSON.parse(suggestion.text)).toEqual(suggestion.policy);
        const report = buildDebugReport({ provider, profile: profileAt('https://sts.amazonaws.com'), signedIn: true, token: { claims: values, verified: false, receivedAt: 0 } }, { extensionVersion: '1', userAgent: 'x', now: 0 });
        expect(report).not.toContain(token);
      }),
      { numRuns: 500 },
    );
  });
});
