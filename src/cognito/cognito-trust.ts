/**
 * The trust a role needs to be assumed with an identity pool's token, said where STS refuses it.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
import { ErrorCodes, ExtensionError } from '../errors';
import type { CognitoProfile } from './cognito-profile';

/** The role trust policy of an identity pool's roles: Cognito as the federated principal, this pool, signed-in users only. */
export function cognitoTrustPolicy(identityPoolId: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ],
  };
}

const trustCodes: readonly string[] = [ErrorCodes.stsAccessDenied, ErrorCodes.stsInvalidIdentityToken, ErrorCodes.stsRejectedClaim];

/**
 * In the basic flow STS gets Cognito's token, not the provider's: its refusals are about the
 * role's trust in Cognito, so the STS hint (an IAM OIDC provider) is replaced with that.
 */
export function cognitoTrustHint(error: unknown, profile: CognitoProfile): unknown {
  if (!(error instanceof ExtensionError) || !trustCodes.includes(error.code)) return error;
  return new ExtensionError(error.code, error.message, {
    hint: `Role ${profile.roleName} must trust the identity pool: Federated principal "cognito-identity.amazonaws.com", action sts:AssumeRoleWithWebIdentity, condition "cognito-identity.amazonaws.com:aud" equal to "${profile.cognito.identityPoolId}" and "cognito-identity.amazonaws.com:amr" equal to "authenticated". Details shows the policy.`,
    cause: error.cause,
  });
}
