/**
 * `wic configure`: shows the `[profile <id>]` sections it would add to ~/.aws/config and writes
 * them once confirmed (a prompt on a terminal, or --yes). Without --profile it asks the browser
 * which profiles exist.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from './cli-context';
import { UsageError } from './cli-context';
import type { ConfigChange } from './configure-aws';
import { credentialProcessCommand, mergeAwsConfig, sectionName } from './configure-aws';
import { askExtension } from './host-client';

export interface ConfigureOptions {
  profileIds: readonly string[];
  yes: boolean;
  configFile: string | undefined;
  browserProfile: string | undefined;
}

/** `--config-file`, else `AWS_CONFIG_FILE`, else ~/.aws/config. */
export function awsConfigPath(context: CliContext, configFile: string | undefined): string {
  const given = configFile ?? context.location.env.AWS_CONFIG_FILE;
  if (given) return path.resolve(given.replace(/^~(?=$|[\\/])/, context.location.home));
  return path.join(context.location.home, '.aws', 'config');
}

const describe: Record<ConfigChange['kind'], string> = {
  added: 'add',
  updated: 'update credential_process in',
  unchanged: 'already has',
  conflict: 'leave alone (not written by wic; rename or remove it to let wic add its own)',
};

/** Writes `text` through a temp file and a rename, keeping the file's mode (0600 when new). */
function writeAtomically(file: string, text: string): void {
  const mode = existsSync(file) ? statSync(file).mode & 0o777 : 0o600;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.wic-${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

export async function configure(context: CliContext, options: ConfigureOptions): Promise<number> {
  const profileIds = options.profileIds.length > 0
    ? options.profileIds
    : (await askExtension({ action: 'status' }, context.location, options.browserProfile)).profiles.map((profile) => profile.profileId);
  if (profileIds.length === 0) throw new UsageError('the browser has no profiles: add one in the extension\'s options, or name one with --profile');
  const file = awsConfigPath(context, options.configFile);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const entries = profileIds.map((profileId) => ({ profileId, command: credentialProcessCommand(context.wicCommand, profileId, options.browserProfile) }));
  const { text, changes } = mergeAwsConfig(before, entries);
  for (const change of changes) {
    const entry = entries.find((candidate) => candidate.profileId === change.profileId);
    context.stdout(`${file}: ${describe[change.kind]} [${sectionName(change.profileId)}]\n`);
    if (change.kind === 'added' || change.kind === 'updated') context.stdout(`    credential_process = ${entry?.command ?? ''}\n`);
  }
  const conflicts = changes.some((change) => change.kind === 'conflict');
  if (text === before) {
    context.stdout('Nothing to write.\n');
    return conflicts ? 1 : 0;
  }
  let go = options.yes;
  if (!go && context.confirm) go = await context.confirm(`Write these to ${file}?`);
  else if (!go) {
    context.stderr('wic: not written: run again with --yes to write them.\n');
    return 1;
  }
  if (!go) {
    context.stdout('Not written.\n');
    return 1;
  }
  writeAtomically(file, text);
  context.stdout(`Written. Try: aws sts get-caller-identity --profile ${profileIds[0] ?? ''}\n`);
  return conflicts ? 1 : 0;
}
