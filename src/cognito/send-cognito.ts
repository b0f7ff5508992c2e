/**
 * Gets credentials from an identity pool, unsigned: the provider's token is the proof of identity.
 * Enhanced flow: GetId, then GetCredentialsForIdentity. Basic (classic) flow: GetId, then
 * GetOpenIdToken, then STS AssumeRoleWithWebIdentity with the pool's token.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html
 */
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { ErrorCodes, ExtensionError } from '../errors';
import type { PreparedAssumeRole } from '../sts/assume-role';
import type { ProfileCredentials } from '../sts/credentials';
import { explainCognitoError } from './cognito-errors';
import type { CognitoOperation } from './cognito-errors';
import { cognitoTrustHint } from './cognito-trust';
import type { IdentityIdCache } from './identity-id-cache';
import type { CognitoProfile } from './cognito-profile';
import type { PreparedCognito } from './prepare-cognito';

/** The session name Cognito gives the role sessions of the enhanced flow. */
export const cognitoSessionName = 'CognitoIdentityCredentials';

/** What the exchange works through. */
export interface CognitoDeps {
  identityIds: IdentityIdCache;
  /** The basic flow's STS call: src/sts/assume-role.ts's sendAssumeRole. */
  sendAssumeRole(request: PreparedAssumeRole): Promise<ProfileCredentials>;
}

/**
 * One client per region and endpoint, kept for the service worker's life, as for STS: building
 * one resolves its configuration and middleware stack. It holds no credentials.
 */
const clients = new Map<string, CognitoIdentityClient>();

function clientFor(profile: CognitoProfile): CognitoIdentityClient {
  const key = `${profile.region} ${profile.cognito.endpoint}`;
  let client = clients.get(key);
  if (!client) {
    client = new CognitoIdentityClient({ region: profile.region, endpoint: profile.cognito.endpoint });
    clients.set(key, client);
  }
  return client;
}

async function call<T>(prepared: PreparedCognito, operation: CognitoOperation, send: (client: CognitoIdentityClient) => Promise<T>): Promise<T> {
  try {
    return await send(clientFor(prepared.profile));
  } catch (error) {
    throw explainCognitoError(error, operation, prepared.profile, prepared.provider);
  }
}

function emptyAnswer(prepared: PreparedCognito, operation: CognitoOperation): ExtensionError {
  return new ExtensionError(ErrorCodes.cognitoFailed, `The answer of Amazon Cognito at ${prepared.profile.cognito.endpoint} to ${operation} was incomplete.`, {
    hint: 'Check that the profile\'s cognitoEndpoint is a Cognito identity endpoint.',
  });
}

async function identityId(prepared: PreparedCognito, deps: CognitoDeps, reuse: boolean): Promise<{ id: string; cached: boolean }> {
  const { identityPoolId, accountId } = prepared.profile.cognito;
  const cached = reuse ? await deps.identityIds.get(identityPoolId, prepared.subject) : undefined;
  if (cached) return { id: cached, cached: true };
  const output = await call(prepared, 'GetId', (client) => client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: prepared.logins, ...(accountId ? { AccountId: accountId } : {}) })));
  if (!output.IdentityId) throw emptyAnswer(prepared, 'GetId');
  await deps.identityIds.set(identityPoolId, prepared.subject, output.IdentityId);
  return { id: output.IdentityId, cached: false };
}

async function enhanced(prepared: PreparedCognito, identity: string): Promise<ProfileCredentials> {
  const { profile } = prepared;
  const output = await call(prepared, 'GetCredentialsForIdentity', (client) => client.send(new GetCredentialsForIdentityCommand({
    IdentityId: identity,
    Logins: prepared.logins,
    ...(profile.roleArn ? { CustomRoleArn: profile.roleArn } : {}),
  })));
  const credentials = output.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretKey || !credentials.SessionToken || !credentials.Expiration) throw emptyAnswer(prepared, 'GetCredentialsForIdentity');
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration.getTime(),
    // The pool does not say which role it chose; a named role is the one it assumed.
    assumedRoleArn: profile.roleArn ? `arn:${profile.partition}:sts::${profile.accountId}:assumed-role/${profile.roleName}/${cognitoSessionName}` : '',
    region: profile.region,
    sessionName: cognitoSessionName,
    issuedAt: Date.now(),
  };
}

async function basic(prepared: PreparedCognito & { assumeRole: PreparedAssumeRole }, identity: string, deps: CognitoDeps): Promise<ProfileCredentials> {
  const output = await call(prepared, 'GetOpenIdToken', (client) => client.send(new GetOpenIdTokenCommand({ IdentityId: identity, Logins: prepared.logins })));
  if (!output.Token) throw emptyAnswer(prepared, 'GetOpenIdToken');
  const { assumeRole } = prepared;
  try {
    return await deps.sendAssumeRole({ ...assumeRole, input: { ...assumeRole.input, WebIdentityToken: output.Token } });
  } catch (error) {
    throw cognitoTrustHint(error, prepared.profile);
  }
}

async function exchange(prepared: PreparedCognito, identity: string, deps: CognitoDeps): Promise<ProfileCredentials> {
  const { assumeRole } = prepared;
  return assumeRole ? basic({ ...prepared, assumeRole }, identity, deps) : enhanced(prepared, identity);
}

/**
 * Sends a prepared exchange. The identity id is reused from the cache; when the pool no longer
 * knows it (the identity was deleted), it is forgotten and GetId asked once more.
 * @throws ExtensionError explaining what Cognito (or STS, in the basic flow) said and what to fix.
 */
export async function sendCognito(prepared: PreparedCognito, deps: CognitoDeps): Promise<ProfileCredentials> {
  const identity = await identityId(prepared, deps, true);
  try {
    return await exchange(prepared, identity.id, deps);
  } catch (error) {
    if (!identity.cached || !(error instanceof ExtensionError) || error.code !== ErrorCodes.cognitoNotFound) throw error;
  }
  await deps.identityIds.delete(prepared.profile.cognito.identityPoolId, prepared.subject);
  return exchange(prepared, (await identityId(prepared, deps, false)).id, deps);
}
