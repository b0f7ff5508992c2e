/** `wic credential-process`, `wic env` and `wic exec`: credentials from the extension, three ways. */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { formatCredentials } from '../format';
import type { CredentialsResult, EnvFormat } from '../terminal';
import { ENV_FORMATS } from '../terminal';
import type { CliContext } from './cli-context';
import { UsageError } from './cli-context';
import { childEnvironment, startContainerServer } from './container-server';
import { askExtension } from './host-client';
import { toProfileCredentials } from './wire-credentials';

/** What SDKs ask for by default: botocore refreshes process credentials 15 minutes before expiry. */
export const DEFAULT_MIN_VALID_SECONDS = 15 * 60;

export interface CredentialOptions {
  profileId: string;
  wait: boolean;
  minValidSeconds: number;
  browserProfile: string | undefined;
}

function fetchCredentials(context: CliContext, options: CredentialOptions, command: string): Promise<CredentialsResult> {
  return askExtension({ action: 'credentials', profileId: options.profileId, minValidSeconds: options.minValidSeconds, wait: options.wait, command }, context.location, options.browserProfile);
}

export async function credentialProcess(context: CliContext, options: CredentialOptions): Promise<number> {
  const result = await fetchCredentials(context, options, `wic credential-process --profile ${options.profileId}`);
  context.stdout(formatCredentials('credential-process', { profileId: result.profileId, credentials: toProfileCredentials(result.credentials) }));
  return 0;
}

export function parseEnvFormat(value: string): EnvFormat {
  if (!(ENV_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${ENV_FORMATS.join(', ')}`);
  return value as EnvFormat;
}

export async function env(context: CliContext, options: CredentialOptions, format: EnvFormat): Promise<number> {
  const result = await askExtension({ action: 'env', profileId: options.profileId, format, minValidSeconds: options.minValidSeconds, wait: options.wait, command: `wic env --format ${format}` }, context.location, options.browserProfile);
  context.stdout(formatCredentials(format, { profileId: result.profileId, credentials: toProfileCredentials(result.credentials) }));
  return 0;
}

/** The exit code a shell reports for a command killed by `signal`. */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

export async function exec(context: CliContext, options: CredentialOptions, command: readonly string[]): Promise<number> {
  const [program, ...args] = command;
  if (!program) throw new UsageError('exec needs a command after --, e.g. wic exec --profile dev -- aws sts get-caller-identity');
  const description = `wic exec -- ${command.join(' ')}`.slice(0, 1024);
  // One request before starting, so a missing sign-in or consent fails here, in one line.
  const first = await fetchCredentials(context, options, description);
  let lastError = '';
  const server = await startContainerServer(
    () => fetchCredentials(context, { ...options, wait: false }, description),
    (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) context.stderr(`wic: ${message}\n`);
      lastError = message;
    },
  );
  try {
    const child = spawn(program, args, { stdio: 'inherit', env: childEnvironment(context.location.env, server, first.credentials.Region) });
    // The terminal sends Ctrl-C to the whole foreground group; wic outlives it to report the code.
    const ignore = (): void => undefined;
    process.on('SIGINT', ignore);
    try {
      return await new Promise<number>((resolve, reject) => {
        child.once('error', (error) => reject(new UsageError(`cannot run ${program}: ${error.message}`)));
        child.once('exit', (code, signal) => resolve(code ?? (signal ? signalExitCode(signal) : 1)));
      });
    } finally {
      process.off('SIGINT', ignore);
    }
  } finally {
    await server.close();
  }
}
