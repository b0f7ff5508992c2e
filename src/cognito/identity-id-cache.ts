/**
 * Where the identity id a pool gave a person is kept between calls, so GetId runs once per pool
 * and subject rather than on every refresh. src/storage/identity-ids.ts keeps it in
 * `storage.session`.
 */

/**
 * Whom an identity id is kept for: the provider and the default session name (a hash of the
 * token's `sub`, src/sts/session-name.ts). The provider is part of it because two issuers may
 * give the same `sub` to different people; the hash keeps the key from naming anyone, and works
 * for OAuth 2.0 tokens too.
 */
export function identitySubject(providerId: string, sessionName: string): string {
  return `${providerId}/${sessionName}`;
}

/** A cache of identity ids by pool and subject ({@link identitySubject}). */
export interface IdentityIdCache {
  get(identityPoolId: string, subject: string): Promise<string | undefined>;
  set(identityPoolId: string, subject: string, identityId: string): Promise<void>;
  /** Forgets an id the pool no longer knows (ResourceNotFoundException). */
  delete(identityPoolId: string, subject: string): Promise<void>;
}
