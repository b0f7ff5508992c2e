/**
 * The hosts the extension may ask to reach for console sign-in. The manifest's
 * `optional_host_permissions` lists each of these (a unit test holds the two together), so a
 * configured `signinEndpoint` must lie on one of them or the browser could never grant access.
 */
import { checkEndpointUrl } from './field-checks';

/** Sign-in hosts of the partitions with a public console, each with its regional hosts. */
const awsSigninDomains = ['signin.aws.amazon.com', 'signin.amazonaws-us-gov.com', 'signin.amazonaws.cn'] as const;
/** Loopback, for a local stand-in of the federation endpoint (development and tests). */
const loopbackHosts = ['127.0.0.1', 'localhost'] as const;

/** Match patterns of every host the extension may request; mirrored in manifest.json. */
export const signinHostPermissions: readonly string[] = [
  ...awsSigninDomains.map((domain) => `https://*.${domain}/*`),
  ...loopbackHosts.map((host) => `http://${host}/*`),
];

function isAllowedHost(url: URL): boolean {
  if (url.protocol === 'http:') return (loopbackHosts as readonly string[]).includes(url.hostname);
  return awsSigninDomains.some((domain) => url.hostname === domain || url.hostname.endsWith(`.${domain}`));
}

/**
 * Checks a profile's `signinEndpoint`: https on an AWS sign-in host (or http on loopback), with no
 * query or fragment, since the extension adds its own parameters.
 */
export function checkSigninEndpoint(value: string): string | undefined {
  const problem = checkEndpointUrl(value);
  if (problem) return problem;
  const url = new URL(value);
  if (url.search || url.hash) return `must not contain a query or fragment (got ${JSON.stringify(value)})`;
  if (!isAllowedHost(url)) {
    return `must be an AWS sign-in federation endpoint on ${awsSigninDomains.join(', ')} or a regional host under them, `
      + `such as https://eu-west-1.signin.aws.amazon.com/federation; the extension can ask for access to no other host (got ${JSON.stringify(value)})`;
  }
  return undefined;
}

/** Console hosts of the partitions with a public console; regional consoles are subdomains. */
const awsConsoleDomains = ['console.aws.amazon.com', 'console.amazonaws-us-gov.com', 'console.amazonaws.cn'] as const;

/**
 * Checks a profile's `consoleDestination`: https on an AWS console host, on the default port.
 * Signed in through the federation endpoint, the browser lands there; any other host would be
 * a page of someone else's that the user takes for the console.
 */
export function checkConsoleDestination(value: string): string | undefined {
  const problem = checkEndpointUrl(value);
  if (problem) return problem;
  const url = new URL(value);
  const onConsole = awsConsoleDomains.some((domain) => url.hostname === domain || url.hostname.endsWith(`.${domain}`));
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password || !onConsole) {
    return `must be a page of the AWS console, https on ${awsConsoleDomains.join(', ')} or a regional host under them, `
      + `such as https://eu-west-1.console.aws.amazon.com/ec2/home (got ${JSON.stringify(value)})`;
  }
  return undefined;
}
