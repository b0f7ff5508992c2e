/**
 * Where the identity id a pool gave a person is kept between calls, so GetId runs once per pool
 * and subject rather than on every refresh. src/storage/identity-ids.ts keeps it in
 * `storage.session`.
 */

/** A cache of identity ids by pool and subject. */
export interface IdentityIdCache {
  get(identityPoolId: string, subject: string): Promise<string | undefined>;
  set(identityPoolId: string, subject: string, identityId: string): Promise<void>;
  /** Forgets an id the pool no longer knows (ResourceNotFoundException). */
  delete(identityPoolId: string, subject: string): Promise<void>;
}
