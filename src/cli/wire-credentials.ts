import type { ProfileCredentials } from '../sts/credentials';
import type { WireCredentials } from '../terminal';

/**
 * The extension's answer in the shape src/format renders from, so `wic` prints exactly what the
 * popup copies. Fields the terminal formats never read (role ARN, session name, issue time) are
 * left empty.
 */
export function toProfileCredentials(wire: WireCredentials): ProfileCredentials {
  return {
    accessKeyId: wire.AccessKeyId,
    secretAccessKey: wire.SecretAccessKey,
    sessionToken: wire.SessionToken,
    expiration: Date.parse(wire.Expiration),
    region: wire.Region,
    assumedRoleArn: '',
    sessionName: '',
    issuedAt: 0,
  };
}
