/**
 * An identity pool in moto (its cognito-identity on the same `moto_server` as STS), created
 * through Cognito's API as an administrator would; any signing key will do, moto checks none.
 */
import { CognitoIdentityClient, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';

/** Creates a pool in us-east-1 that lists the IAM OIDC provider named `loginsKey`, and returns its id. */
export async function createIdentityPool(endpoint: string, loginsKey: string): Promise<string> {
  const client = new CognitoIdentityClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'admin', secretAccessKey: 'admin' } });
  try {
    const { IdentityPoolId } = await client.send(new CreateIdentityPoolCommand({
      IdentityPoolName: 'wic_e2e',
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: true,
      OpenIdConnectProviderARNs: [`arn:aws:iam::123456789012:oidc-provider/${loginsKey}`],
    }));
    if (!IdentityPoolId) throw new Error('CreateIdentityPool returned no id');
    return IdentityPoolId;
  } finally {
    client.destroy();
  }
}

/** The `Logins` key of an issuer: its host and path, without the scheme or a trailing slash. */
export const loginsKeyOf = (issuer: string) => issuer.replace(/^https?:\/\//, '').replace(/\/$/, '');
