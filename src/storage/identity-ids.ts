/**
 * The identity id cache of src/cognito/ over a store: one `storage.session` key per pool and
 * hashed subject ({@link cognitoIdentityKey}).
 */
import type { IdentityIdCache } from '../cognito/identity-id-cache';
import { cognitoIdentityKey } from './keys';
import type { Store } from './store';

/** Keeps identity ids in `store` (the session store). */
export function storedIdentityIds(store: Store): IdentityIdCache {
  return {
    get: (pool, subject) => store.get<string>(cognitoIdentityKey(pool, subject)),
    set: (pool, subject, identityId) => store.set({ [cognitoIdentityKey(pool, subject)]: identityId }),
    delete: (pool, subject) => store.remove([cognitoIdentityKey(pool, subject)]),
  };
}
