/**
 * Short names of the copy formats for button labels ("Copy fish"); the menu shows the longer
 * labels of `copyFormats`.
 */
import type { CopyFormat } from '../../src/format';

/** The word after "Copy" on a button. */
export const formatShortNames: Readonly<Record<CopyFormat, string>> = {
  bash: 'bash',
  fish: 'fish',
  powershell: 'PowerShell',
  cmd: 'cmd',
  'credentials-file': 'credentials file',
  'credential-process': 'credential_process',
  dotenv: '.env',
  'access-key-id': 'access key ID',
  'secret-access-key': 'secret access key',
  'session-token': 'session token',
  'assumed-role-arn': 'role ARN',
};
