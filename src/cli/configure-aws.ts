/**
 * `wic configure`'s edit of ~/.aws/config, as a pure text transform: it adds a
 * `[profile <id>]` section with a `credential_process` line for each profile, or updates that
 * line in a section wic wrote before, and touches no other line. A section of the same name
 * that is not wic's (no `wic ... credential-process` line) is left alone and reported.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
 */

export interface ProfileEntry {
  profileId: string;
  /** The whole value of `credential_process`. */
  command: string;
}

export type ChangeKind = 'added' | 'updated' | 'unchanged' | 'conflict';

export interface ConfigChange {
  profileId: string;
  kind: ChangeKind;
}

const sectionHeader = /^\s*\[\s*([^\]]*?)\s*\](\s*[#;].*)?\s*$/;
const credentialProcessLine = /^\s*credential_process\s*=/;
const wicLine = /^\s*credential_process\s*=.*\bcredential-process\b.*--profile\b/;

/** The section name the config file uses for a profile id. */
export function sectionName(profileId: string): string {
  return profileId === 'default' ? 'default' : `profile ${profileId}`;
}

/** Quotes a program path for `credential_process` (split like a POSIX shell by every SDK). */
export function quoteCommandPart(value: string): string {
  if (/^[A-Za-z0-9_./:\\@+=-]+$/.test(value)) return value;
  if (/["$`\n\r]/.test(value)) throw new Error(`Cannot write ${JSON.stringify(value)} into credential_process: move wic to a path without quotes, "$" or backquotes.`);
  return `"${value}"`;
}

/** The `credential_process` value for a profile. */
export function credentialProcessCommand(wic: readonly string[], profileId: string, browserProfile?: string): string {
  return [...wic.map(quoteCommandPart), 'credential-process', '--profile', profileId, ...(browserProfile ? ['--browser-profile', browserProfile] : [])].join(' ');
}

/** `text` with every entry's section added or updated; see the module comment. */
export function mergeAwsConfig(text: string, entries: readonly ProfileEntry[]): { text: string; changes: ConfigChange[] } {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const trailing = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const changes: ConfigChange[] = [];
  const appended: string[] = [];
  for (const entry of entries) {
    const name = sectionName(entry.profileId);
    const wanted = `credential_process = ${entry.command}`;
    const start = lines.findIndex((line) => {
      const header = sectionHeader.exec(line);
      return header !== null && header[1]?.replace(/\s+/g, ' ') === name;
    });
    if (start === -1) {
      appended.push('', `[${name}]`, wanted);
      changes.push({ profileId: entry.profileId, kind: 'added' });
      continue;
    }
    let end = start + 1;
    while (end < lines.length && !sectionHeader.test(lines[end] ?? '')) end += 1;
    const body = lines.slice(start + 1, end);
    const processLine = body.findIndex((line) => credentialProcessLine.test(line));
    if (processLine !== -1 && !wicLine.test(body[processLine] ?? '')) {
      changes.push({ profileId: entry.profileId, kind: 'conflict' });
    } else if (processLine === -1) {
      // A section of that name without credential_process: wic does not take it over either.
      changes.push({ profileId: entry.profileId, kind: 'conflict' });
    } else if (body[processLine]?.trim() === wanted) {
      changes.push({ profileId: entry.profileId, kind: 'unchanged' });
    } else {
      lines[start + 1 + processLine] = wanted;
      changes.push({ profileId: entry.profileId, kind: 'updated' });
    }
  }
  if (!changes.some((change) => change.kind === 'added' || change.kind === 'updated')) return { text, changes };
  if (appended.length > 0 && lines.length === 0) appended.shift();
  const all = [...lines, ...appended];
  return { text: all.length === 0 ? '' : `${all.join(newline)}${newline}`, changes };
}
