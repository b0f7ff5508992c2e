/**
 * The match pattern that grants access to a URL's host, for optional host permissions.
 */

/**
 * The pattern to request for a URL (an origin or an endpoint): its scheme and host, any port and
 * path. Match patterns carry no port, so one pattern covers every port of the host.
 */
export function hostPermissionFor(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
