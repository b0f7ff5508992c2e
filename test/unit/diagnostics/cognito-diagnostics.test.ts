/**
 * The diagnostics an identity pool sign-in leaves behind: the sign-in service with the real OIDC
 * client against the fake IdP and the real Cognito client against the stand-in, then the view
 * and the debug report built from what it stored.
 */
import { createCredentialsSender } from '../../../src/cognito/credentials-request';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { buildDebugReport } from '../../../src/diagnostics/debug-report';
import { buildDiagnosticsView } from '../../../src/diagnostics/diagnostics-view';
import { ErrorCodes } from '../../../src/errors';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { storedIdentityIds } from '../../../src/storage/identity-ids';
import { deriveSessionName } from '../../../src/sts/session-name';
import { cognitoError, cognitoSuccess, startCognitoStandIn } from '../support/cognito-stand-in';
import type { CognitoAnswer, CognitoRequest } from '../support/cognito-stand-in';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import { memorySessionStore } from '../support/memory-session-store';

const pool = 'us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const now = Math.floor(Date.now() / 1000);
const environment = { extensionVersion: '9.9.9', userAgent: 'TestBrowser/1', now: Date.UTC(2030, 0, 1) };

async function signInAgainst(answer: (request: CognitoRequest) => CognitoAnswer) {
  const cognito = await startCognitoStandIn(answer);
  const idp = fakeIdp({ claims: (nonce) => ({ iss: issuer, aud: clientId, sub: 'alice', iat: now, exp: now + 3600, nonce }) });
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', name: 'Corp SSO', issuer, clientId }],
    profiles: [{ id: 'pool', name: 'Pool', provider: 'corp', identityPoolId: pool, cognitoEndpoint: cognito.endpoint }],
  }, [new URL(cognito.endpoint).origin]); // the stand-in on loopback, confirmed as a user would
  const store = memorySessionStore();
  const service = createSignInService({
    readConfiguration: async () => config,
    store,
    signIn: (provider) => signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }),
    assumeRole: createCredentialsSender({ identityIds: storedIdentityIds(store) }).send,
    deriveSessionName,
    now: Date.now,
  });
  const outcome = await service.signIn('corp');
  await cognito.close();
  const session = Object.fromEntries(store.items);
  return { outcome, session, view: buildDiagnosticsView(config, session, { profileId: 'pool' }) };
}

describe('an identity pool profile in the diagnostics', () => {
  it('names the pool\'s request without the token once credentials came', async () => {
    const { outcome, session, view } = await signInAgainst((request) => cognitoSuccess(request));
    expect(outcome).toEqual({ profiles: 1, failed: 0 });
    expect(session['credentials/pool']).toMatchObject({ accessKeyId: 'ASIACOGNITO000000001' });
    expect(view?.sts?.request).toMatchObject({ IdentityPoolId: pool, LoginsKey: 'idp.example.com', flow: 'enhanced (GetId, GetCredentialsForIdentity)' });
    expect(view?.cognito).toBeUndefined();
    const report = view && buildDebugReport(view, environment);
    expect(report).toContain('## Last identity pool request');
    expect(report).not.toContain((session['provider-session/corp'] as { idToken: string }).idToken);
  });

  it('shows the failing step, the Logins key, the pool\'s provider settings and the role trust policy when the pool refuses the token', async () => {
    const { outcome, view } = await signInAgainst(() => cognitoError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.'));
    expect(outcome).toEqual({ profiles: 1, failed: 1 });
    expect(view?.error?.code).toBe(ErrorCodes.cognitoNotAuthorized);
    expect(view?.failedStep).toBe('Amazon Cognito identity pool');
    expect(view?.sts?.error).toMatchObject({ code: 'NotAuthorized', httpStatus: 400 });
    expect(view?.suggestion).toBeUndefined();
    expect(view?.cognito).toMatchObject({ identityPoolId: pool, loginsKey: 'idp.example.com' });
    expect(view?.cognito?.providerSettings).toContain('IAM OIDC identity provider "idp.example.com"');
    expect(JSON.parse(view?.cognito?.trustPolicy ?? '{}')).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': pool }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
      }],
    });
  });
});
