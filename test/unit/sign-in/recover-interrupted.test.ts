import { ErrorCodes } from '../../../src/errors';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { recoverInterrupted } from '../../../src/sign-in/recover-interrupted';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { memorySessionStore } from '../support/memory-session-store';
import { sampleCredentials } from '../support/fixtures';

const startedAt = 10_000;

describe('recoverInterrupted', () => {
  it('turns statuses a stopped worker left busy into a clear error, keeping credentials and tokens', async () => {
    const store = memorySessionStore();
    const credentials = sampleCredentials(startedAt + 3_600_000);
    await store.set({
      'provider-status/corp': { state: 'busy', step: 'Waiting for sign-in', updatedAt: startedAt - 5 },
      'profile-status/dev': { state: 'busy', step: 'Getting AWS credentials', updatedAt: startedAt - 5 },
      'profile-status/ops': { state: 'idle', updatedAt: startedAt - 5 },
      'credentials/dev': credentials,
      'provider-session/corp': { idToken: 'kept' },
    });
    const count = await recoverInterrupted(Object.fromEntries(store.items), store, startedAt, startedAt + 1);
    expect(count).toBe(2);
    expect(store.items.get('provider-status/corp')).toEqual({
      state: 'error',
      updatedAt: startedAt + 1,
      error: {
        code: ErrorCodes.interrupted,
        message: 'The sign-in was interrupted: the extension\'s background stopped before it finished.',
        hint: 'Click Sign in again. Credentials you already had are kept until they expire.',
      },
    });
    expect(store.items.get('profile-status/dev')).toMatchObject({ state: 'error', error: { message: 'Getting AWS credentials was interrupted: the extension\'s background stopped before it finished.' } });
    expect(store.items.get('profile-status/ops')).toEqual({ state: 'idle', updatedAt: startedAt - 5 });
    expect(store.items.get('credentials/dev')).toEqual(credentials);
    expect(store.items.get('provider-session/corp')).toEqual({ idToken: 'kept' });
  });

  it('leaves alone what this worker started and anything that is not a status', async () => {
    const store = memorySessionStore();
    const items = {
      'provider-status/corp': { state: 'busy', step: 'Waiting for sign-in', updatedAt: startedAt },
      'credentials/busy': { state: 'busy', updatedAt: 0 },
      'profile-status/odd': null,
    };
    await expect(recoverInterrupted(items, store, startedAt, startedAt + 1)).resolves.toBe(0);
    expect(store.items.size).toBe(0);
  });

  it('runs before a sign-in of the new worker can mark anything busy', async () => {
    const store = memorySessionStore();
    await store.set({ 'provider-status/corp': { state: 'busy', step: 'Waiting for sign-in', updatedAt: 1 } });
    const order: string[] = [];
    const ready = recoverInterrupted(Object.fromEntries(store.items), store, startedAt, startedAt).then(() => order.push('recovered'));
    const service = createSignInService({
      readConfiguration: async () => validateConfiguration(undefined, { providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }] }),
      store,
      signIn: async () => {
        order.push('sign-in');
        throw new Error('stop here');
      },
      assumeRole: async () => sampleCredentials(0),
      deriveSessionName: async (subject) => subject,
      now: () => startedAt,
      ready,
    });
    await service.signIn('corp').catch(() => undefined);
    expect(order).toEqual(['recovered', 'sign-in']);
  });
});
