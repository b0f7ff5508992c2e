import { validateConfiguration } from '../../../src/config/validate-configuration';
import type { ProfileCredentials } from '../../../src/sts/credentials';

/** A configuration with two providers, three profiles and one broken profile. */
export const sampleDocument = {
  providers: [
    { id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' },
    { id: 'lab', name: 'Lab IdP', issuer: 'https://lab.example.com', clientId: 'xyz' },
  ],
  profiles: [
    { id: 'dev', name: 'Dev admin', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', region: 'eu-west-1' },
    { id: 'ops', name: 'Ops', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Ops' },
    { id: 'broken', provider: 'corp', roleArn: 'arn:aws:iam::1234:role/X' },
  ],
};

export const sampleConfig = validateConfiguration(undefined, sampleDocument);

/** Credentials for a profile expiring at `expiration` (epoch ms). */
export function sampleCredentials(expiration: number, overrides: Partial<ProfileCredentials> = {}): ProfileCredentials {
  return {
    accessKeyId: 'ASIAEXAMPLE',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration,
    assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Dev/wic-1',
    region: 'eu-west-1',
    sessionName: 'wic-1',
    issuedAt: expiration - 3600_000,
    ...overrides,
  };
}
