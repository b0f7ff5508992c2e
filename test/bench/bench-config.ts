/**
 * The configurations the benchmark signs in with: the sandbox provider and N profiles of the
 * sandbox role, as many as a large organisation's user might have.
 */
import type { SandboxConfig, SandboxProfile } from '../e2e/support/harness';

/** The sandbox configuration with `count` profiles instead of one. */
export function configWithProfiles(sandbox: SandboxConfig, count: number): SandboxConfig {
  const template = sandbox.profiles[0];
  if (!template) throw new Error('the sandbox configuration has no profile to copy');
  const profiles = Array.from({ length: count }, (_, index): SandboxProfile => {
    const number = String(index + 1).padStart(3, '0');
    return { ...template, id: `bench-${number}`, name: `Bench profile ${number}` };
  });
  return { providers: sandbox.providers, profiles };
}

/** Ids of the profiles of a configuration. */
export function profileIds(config: SandboxConfig): string[] {
  return config.profiles.map((profile) => profile.id);
}
