/**
 * OAuth 2.0 providers whose access tokens STS accepts in AssumeRoleWithWebIdentity with a
 * `ProviderId`, since they issue no OpenID Connect ID token.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */

/** What the extension needs to know about one of them. */
export interface OAuthProviderInfo {
  label: string;
  authorizationEndpoint: string;
  /** Answers with the user's id for the access token (the session name is derived from it). */
  userInfoEndpoint: string;
  /** The field of the user info answer holding the user's id. */
  subjectField: string;
  defaultScopes: string;
}

/** Keyed by STS `ProviderId`. */
export const oauthProviders: Readonly<Record<string, OAuthProviderInfo>> = {
  'www.amazon.com': {
    label: 'Login with Amazon',
    authorizationEndpoint: 'https://www.amazon.com/ap/oa',
    userInfoEndpoint: 'https://api.amazon.com/user/profile',
    subjectField: 'user_id',
    defaultScopes: 'profile',
  },
  'graph.facebook.com': {
    label: 'Facebook',
    authorizationEndpoint: 'https://www.facebook.com/dialog/oauth',
    userInfoEndpoint: 'https://graph.facebook.com/me?fields=id,name,email',
    subjectField: 'id',
    defaultScopes: 'public_profile',
  },
};
