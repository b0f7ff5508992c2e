/**
 * A role trust policy built from the claims of the token STS refused, so a cloud engineer can
 * compare it with the role's and see which condition does not match.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
import type { Profile, Provider } from '../config/types';
import { oidcProviderName, tagsClaim } from '../sts/sts-errors';

/** A suggested trust policy and the facts it rests on. */
export interface TrustPolicySuggestion {
  /** The IAM OIDC provider's name: the issuer without `https://`. */
  providerName: string;
  federatedPrincipal: string;
  /** The value IAM compares with `<provider>:aud`: `azp` when present, else the audience naming the client. */
  audience: string;
  subject: string;
  policy: Record<string, unknown>;
  /** The policy as pretty JSON, ready to paste. */
  text: string;
}

function audienceOf(claims: Record<string, unknown>, provider: Provider): string | undefined {
  if (typeof claims.azp === 'string' && claims.azp) return claims.azp;
  if (typeof claims.aud === 'string' && claims.aud) return claims.aud;
  if (Array.isArray(claims.aud)) {
    const names = claims.aud.filter((value): value is string => typeof value === 'string' && value !== '');
    return names.includes(provider.clientId) ? provider.clientId : names[0];
  }
  return undefined;
}

/**
 * Builds the policy; `undefined` when the claims lack an issuer URL, an audience or a subject, and
 * for OAuth 2.0 providers, whose roles trust `www.amazon.com` or `graph.facebook.com` with other
 * condition keys, not an IAM OIDC provider.
 * `sts:TagSession` joins the actions when the token carries session tags, as STS then requires it.
 */
export function suggestTrustPolicy(claims: Record<string, unknown>, profile: Profile, provider: Provider): TrustPolicySuggestion | undefined {
  if (provider.oauth) return undefined;
  const issuer = typeof claims.iss === 'string' && /^https?:\/\/[^\s/]/.test(claims.iss) ? claims.iss : undefined;
  const audience = audienceOf(claims, provider);
  const subject = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  if (!issuer || !audience || !subject) return undefined;
  const providerName = oidcProviderName(issuer);
  const federatedPrincipal = `arn:${profile.partition}:iam::${profile.accountId}:oidc-provider/${providerName}`;
  const actions = tagsClaim in claims ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] : 'sts:AssumeRoleWithWebIdentity';
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: federatedPrincipal },
        Action: actions,
        Condition: { StringEquals: { [`${providerName}:aud`]: audience, [`${providerName}:sub`]: subject } },
      },
    ],
  };
  return { providerName, federatedPrincipal, audience, subject, policy, text: JSON.stringify(policy, null, 2) };
}
