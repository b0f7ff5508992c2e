/**
 * The menu of copy formats, without the code that renders them: what the popup needs to draw its
 * menu and check a stored preference, so the formatters themselves can load on the first copy.
 */

export type CopyFormat =
  | 'bash'
  | 'fish'
  | 'powershell'
  | 'cmd'
  | 'credentials-file'
  | 'credential-process'
  | 'dotenv'
  | 'access-key-id'
  | 'secret-access-key'
  | 'session-token'
  | 'assumed-role-arn';

/** What a format produces: commands to paste into a shell, file contents, or one raw value. */
export type CopyFormatKind = 'shell' | 'file' | 'value';

/** A menu entry for a {@link CopyFormat}. */
export interface CopyFormatOption {
  id: CopyFormat;
  label: string;
  kind: CopyFormatKind;
}

/** Every format once, in the order a menu shows them. */
export const copyFormats: readonly CopyFormatOption[] = [
  { id: 'bash', label: 'bash / zsh', kind: 'shell' },
  { id: 'fish', label: 'fish', kind: 'shell' },
  { id: 'powershell', label: 'PowerShell', kind: 'shell' },
  { id: 'cmd', label: 'Windows cmd', kind: 'shell' },
  { id: 'credentials-file', label: '~/.aws/credentials', kind: 'file' },
  { id: 'credential-process', label: 'credential_process JSON', kind: 'file' },
  { id: 'dotenv', label: '.env / docker --env-file', kind: 'file' },
  { id: 'access-key-id', label: 'Access key ID', kind: 'value' },
  { id: 'secret-access-key', label: 'Secret access key', kind: 'value' },
  { id: 'session-token', label: 'Session token', kind: 'value' },
  { id: 'assumed-role-arn', label: 'Assumed role ARN', kind: 'value' },
];
