/**
 * `wic`'s command line: parses the arguments of each command and runs it. Every failure ends as
 * one line on stderr, `wic: <what happened and what to do>`, and a non-zero exit code:
 * 2 for a wrong command line, 1 for everything else.
 */
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { FormatError } from '../format';
import { CHROMIUM_EXTENSION_ID_PATTERN, CHROMIUM_DEV_EXTENSION_ID, MAX_MIN_VALID_SECONDS, PROFILE_ID_PATTERN, PROFILE_KEY_PATTERN, TerminalError } from '../terminal';
import type { CliContext } from './cli-context';
import { UsageError } from './cli-context';
import { configure } from './configure';
import type { CredentialOptions } from './credential-commands';
import { credentialProcess, DEFAULT_MIN_VALID_SECONDS, env, exec, parseEnvFormat } from './credential-commands';
import { HELP } from './help';
import { install, uninstall } from './install';
import type { BrowserName, InstallChoice } from './install-plan';
import { BROWSERS } from './install-plan';
import { status } from './status';

type Options = NonNullable<ParseArgsConfig['options']>;

const browserProfileOption: Options = { 'browser-profile': { type: 'string' } };
const credentialOptions: Options = { ...browserProfileOption, profile: { type: 'string' }, wait: { type: 'boolean' }, 'min-valid': { type: 'string' } };
const installOptions: Options = { browser: { type: 'string', multiple: true }, 'user-data-dir': { type: 'string' }, 'extension-id': { type: 'string', multiple: true } };

function parse(args: string[], options: Options, allowPositionals = false): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^.*?: /, '').split('\n')[0] ?? 'bad arguments');
  }
}

function text(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function list(values: Record<string, unknown>, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function profileId(value: string | undefined): string {
  if (!value) throw new UsageError('--profile is required: the id of a profile in the extension (see `wic status`)');
  if (!PROFILE_ID_PATTERN.test(value)) throw new UsageError(`--profile ${JSON.stringify(value)} is not a profile id: letters, digits, ".", "_" or "-"`);
  return value;
}

function browserProfile(context: CliContext, values: Record<string, unknown>): string | undefined {
  // An empty WIC_BROWSER_PROFILE counts as unset, as shells make unsetting awkward.
  const value = text(values, 'browser-profile') ?? (context.location.env.WIC_BROWSER_PROFILE || undefined);
  if (value !== undefined && !PROFILE_KEY_PATTERN.test(value)) throw new UsageError(`--browser-profile ${JSON.stringify(value)} is not a browser profile key (see \`wic status\`)`);
  return value;
}

function credentialOptionsOf(context: CliContext, values: Record<string, unknown>): CredentialOptions {
  const minValid = text(values, 'min-valid');
  const minValidSeconds = minValid === undefined ? DEFAULT_MIN_VALID_SECONDS : Number(minValid);
  if (!Number.isInteger(minValidSeconds) || minValidSeconds < 0 || minValidSeconds > MAX_MIN_VALID_SECONDS) throw new UsageError(`--min-valid must be a whole number of seconds from 0 to ${MAX_MIN_VALID_SECONDS}`);
  return { profileId: profileId(text(values, 'profile')), wait: values.wait === true, minValidSeconds, browserProfile: browserProfile(context, values) };
}

function installChoice(values: Record<string, unknown>): { choice: InstallChoice; explicit: boolean } {
  const named = list(values, 'browser').flatMap((value) => value.split(','));
  const unknown = named.filter((name) => name !== 'all' && !(BROWSERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`--browser ${unknown.join(',')}: choose from ${[...BROWSERS, 'all'].join(', ')}`);
  const explicit = named.length > 0 && !named.includes('all');
  const browsers = explicit ? [...new Set(named as BrowserName[])] : [...BROWSERS];
  const ids = list(values, 'extension-id');
  const bad = ids.find((id) => !CHROMIUM_EXTENSION_ID_PATTERN.test(id));
  if (bad !== undefined) throw new UsageError(`--extension-id ${JSON.stringify(bad)} is not a Chromium extension id (32 letters a to p)`);
  const userDataDir = text(values, 'user-data-dir');
  if (userDataDir !== undefined && browsers.includes('firefox') && explicit) throw new UsageError('--user-data-dir is for Chromium-based browsers; Firefox reads ~/.mozilla');
  return { choice: { browsers, extensionIds: [CHROMIUM_DEV_EXTENSION_ID, ...ids], ...(userDataDir === undefined ? {} : { userDataDir }) }, explicit: explicit || userDataDir !== undefined };
}

async function dispatch(context: CliContext, argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const installContext = { platform: context.location.platform, home: context.location.home, env: context.location.env, nodePath: context.nodePath, hostScript: context.hostScript };
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      context.stdout(HELP);
      return 0;
    case 'install': {
      const { choice, explicit } = installChoice(parse(rest, installOptions).values);
      for (const line of install(installContext, choice, explicit, context.reg)) context.stdout(`${line}\n`);
      return 0;
    }
    case 'uninstall': {
      const { choice } = installChoice(parse(rest, installOptions).values);
      for (const line of uninstall(installContext, choice, context.reg)) context.stdout(`${line}\n`);
      return 0;
    }
    case 'credential-process':
      return credentialProcess(context, credentialOptionsOf(context, parse(rest, credentialOptions).values));
    case 'env': {
      const { values } = parse(rest, { ...credentialOptions, format: { type: 'string' } });
      return env(context, { ...credentialOptionsOf(context, values), ...(values['min-valid'] === undefined ? { minValidSeconds: 0 } : {}) }, parseEnvFormat(text(values, 'format') ?? 'bash'));
    }
    case 'exec': {
      const split = rest.indexOf('--');
      if (split === -1) throw new UsageError('exec needs -- before the command, e.g. wic exec --profile dev -- aws s3 ls');
      return exec(context, credentialOptionsOf(context, parse(rest.slice(0, split), credentialOptions).values), rest.slice(split + 1));
    }
    case 'configure': {
      const { values } = parse(rest, { ...browserProfileOption, profile: { type: 'string', multiple: true }, yes: { type: 'boolean', short: 'y' }, 'config-file': { type: 'string' } });
      return configure(context, { profileIds: list(values, 'profile').map(profileId), yes: values.yes === true, configFile: text(values, 'config-file'), browserProfile: browserProfile(context, values) });
    }
    case 'status':
      return status(context, browserProfile(context, parse(rest, browserProfileOption).values));
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

/** Runs `wic` with `argv` (without node and the script); resolves to the exit code. */
export async function runCli(context: CliContext, argv: readonly string[]): Promise<number> {
  try {
    return await dispatch(context, argv);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`wic: ${error.message} (see wic --help)\n`);
      return 2;
    }
    const message = error instanceof TerminalError || error instanceof FormatError || error instanceof Error ? error.message : String(error);
    context.stderr(`wic: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}
