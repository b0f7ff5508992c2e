import { currentSchemaVersion } from '../../../src/config/migrations';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { confirmedOrigins, sandboxConfig } from '../../sandbox/sandbox-config.mjs';

describe('the configuration npm start writes', () => {
  const config = sandboxConfig('http://127.0.0.1:4000', { endpoint: 'http://127.0.0.1:5000', kind: 'moto' });

  it('is at the format version the extension stores, so the migration on install leaves it as written', () => {
    expect(config.schemaVersion).toBe(currentSchemaVersion);
  });

  it('is valid once its loopback STS is confirmed, as npm start records it', () => {
    const validated = validateConfiguration(undefined, config, confirmedOrigins(config));
    expect(validated.problems).toEqual([]);
    expect(validated.profiles.map((profile) => profile.id)).toEqual(['dev']);
  });
});
