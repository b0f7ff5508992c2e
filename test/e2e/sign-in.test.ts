/**
 * The spine of the product in Chromium: the shared scenario (sign-in-scenario.ts, also run in
 * Firefox), then what only Chromium's harness covers here: configuration by enterprise policy.
 */
import { startEnvironment } from './support/harness';
import type { SandboxConfig } from './support/harness';
import { chromiumScenario } from './support/chromium-scenario';
import type { ScenarioEnvironment } from './support/sign-in-scenario';
import { copyAndProve, describeSignInScenario, sandboxProvider, signIn } from './support/sign-in-scenario';

jest.setTimeout(120_000);

describeSignInScenario('Chromium', async () => chromiumScenario(await startEnvironment()));

describe('Chromium: sign-in configured by enterprise policy, next to an invalid profile', () => {
  let env: ScenarioEnvironment;
  beforeAll(async () => {
    env = chromiumScenario(await startEnvironment({
      managedPolicy: (sandbox: SandboxConfig) => ({
        providers: sandbox.providers,
        profiles: [...sandbox.profiles, { id: 'broken', name: 'Broken', provider: 'sandbox', roleArn: 'arn:aws:iam::123:role/Nope' }],
      }),
    }));
  });
  afterAll(async () => env?.close());

  it('shows managed entries as managed and the invalid profile with the field and what is wrong', async () => {
    const popup = await env.openPopup();
    await expect(popup.text(sandboxProvider)).resolves.toContain('managed');
    await expect(popup.text({ role: 'alert', within: { role: 'region', name: 'Needs fixing' } }))
      .resolves.toBe('profiles[1].roleArn: account id must be 12 digits (got "123")');
    expect(env.sandboxConfig().providers[0]?.id).toBe('sandbox');
    await signIn(env, popup, 'bob');
    await copyAndProve(env, popup, 'bob');
  });
});
