/**
 * Every STS error code against AWS's XML error bodies from the stand-in: the explanation a user
 * reads, and the exact answer the diagnostics keep.
 */
import type { Profile, Provider } from '../../../src/config/types';
import { ErrorCodes } from '../../../src/errors';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { stsErrorDetails } from '../../../src/sts/sts-error-details';
import { rejection } from '../support/rejection';
import { startStsStandIn, stsError } from '../support/sts-stand-in';
import type { StsAnswer } from '../support/sts-stand-in';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'client-123', scopes: 'openid', source: 'local' };
const roleArn = 'arn:aws:iam::123456789012:role/Dev';
const profileAt = (endpoint: string): Profile => ({ id: 'dev', name: 'Dev', providerId: 'corp', roleArn, partition: 'aws', accountId: '123456789012', roleName: 'Dev', region: 'eu-west-1', durationSeconds: 3600, stsEndpoint: endpoint, pinned: true, source: 'local' });

async function outcome(answer: (index: number) => StsAnswer) {
  const sts = await startStsStandIn((_request, index) => answer(index));
  try {
    const error = await rejection(assumeRoleWithWebIdentity({ profile: profileAt(sts.endpoint), provider, idToken: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', sessionName: 'wic-1' }));
    return { error, details: stsErrorDetails(error), requests: sts.requests.length, endpoint: sts.endpoint };
  } finally {
    await sts.close();
  }
}

describe('STS error bodies', () => {
  it('explains PackedPolicyTooLarge as session tags from the token', async () => {
    const { error } = await outcome(() => stsError('PackedPolicyTooLarge', 'Packed size of session tags exceeds 100% of the limit.'));
    expect(error.code).toBe(ErrorCodes.stsPolicy);
    expect(error.message).toBe('STS refused the session for Dev: the session tags are too large. Packed size of session tags exceeds 100% of the limit.');
    expect(error.hint).toContain('https://aws.amazon.com/tags');
  });

  it('asks for sts:TagSession in the trust policy on AccessDenied', async () => {
    const { error } = await outcome(() => stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403));
    expect(error.hint).toContain('"sts:TagSession"');
  });

  it.each([
    ['Throttling', 400],
    ['ThrottlingException', 400],
    ['RequestLimitExceeded', 400],
  ])('retries %s, then says STS is throttling', async (code, status) => {
    const { error, details, requests } = await outcome(() => stsError(code, 'Rate exceeded', status));
    expect(error.code).toBe(ErrorCodes.stsThrottled);
    expect(error.message).toBe(`STS is throttling requests right now (${code.replace(/Exception$/, '')} after 3 attempts).`);
    expect(requests).toBe(3);
    expect(details).toMatchObject({ code, message: 'Rate exceeded', httpStatus: status, attempts: 3 });
  }, 30_000);

  it.each([
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
  ])('retries HTTP %s %s, then says the fault is on the STS side', async (code, status) => {
    const { error, details, requests, endpoint } = await outcome(() => stsError(code, 'Please try again', status));
    expect(error.code).toBe(ErrorCodes.stsUnavailable);
    expect(error.message).toBe(`STS at ${endpoint} failed with HTTP ${status} (${code}) after 3 attempts.`);
    expect(error.hint).toContain('Credentials you already have stay valid');
    expect(requests).toBe(3);
    expect(details).toMatchObject({ code, httpStatus: status, fault: 'server', attempts: 3 });
  }, 30_000);

  it('keeps the exact code, message and request id of the answer', async () => {
    const { details } = await outcome(() => stsError('IDPRejectedClaim', 'Token audience was rejected.'));
    expect(details).toEqual({ code: 'IDPRejectedClaim', message: 'Token audience was rejected.', httpStatus: 400, requestId: '00000000-0000-0000-0000-000000000000', attempts: 1, fault: 'client' });
  });

  it('describes a network failure by its own name', async () => {
    const error = await rejection(assumeRoleWithWebIdentity({ profile: profileAt('http://127.0.0.1:9'), provider, idToken: 't.t.t', sessionName: 'wic-1' }));
    expect(stsErrorDetails(error)).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(stsErrorDetails(error)?.httpStatus).toBeUndefined();
  }, 30_000);

  it('has nothing to describe when STS was never asked', async () => {
    const { ExtensionError } = await import('../../../src/errors');
    expect(stsErrorDetails(new ExtensionError(ErrorCodes.stsFailed, 'The answer held no credentials.'))).toBeUndefined();
    expect(stsErrorDetails('not an error')).toBeUndefined();
  });

  it('cuts a token out of whatever STS echoes', async () => {
    const { error, details } = await outcome(() => stsError('InvalidIdentityToken', 'Token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl is malformed'));
    expect(error.message).not.toContain('eyJ');
    expect(details?.message).toBe('Token [token removed] is malformed');
  });
});
