import type { ProfileCredentials } from '../sts/credentials';
import { assertRepresentable, wellFormedUnicode } from './characters';
import { isoExpiration } from './iso-expiration';

/**
 * The JSON a `credential_process` command prints. Every reader (botocore's `json.loads`, the
 * JavaScript SDK's `JSON.parse`, Go's `json.Unmarshal`) parses the whole of stdout, so layout
 * does not matter; it is indented for people saving it to a file and reading it back. JSON
 * escapes every other character, so only unpaired surrogates throw a {@link FormatError}.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
 */
export function formatCredentialProcess(credentials: ProfileCredentials): string {
  const fields = {
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: isoExpiration(credentials.expiration, 'Expiration'),
  };
  for (const key of ['AccessKeyId', 'SecretAccessKey', 'SessionToken'] as const) {
    assertRepresentable(fields[key], key, 'credential_process JSON', [wellFormedUnicode]);
  }
  return `${JSON.stringify(fields, null, 2)}\n`;
}
