/**
 * The RoleSessionName sent to STS. It lands in CloudTrail next to every API call the session
 * makes, so the default must not be personal data such as an email address.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */

/** Prefix that marks sessions created by this extension in CloudTrail. */
export const sessionNamePrefix = 'wic-';

/**
 * Derives a stable, non-identifying session name from the token's `sub` claim:
 * `wic-` followed by the first 32 hex digits of SHA-256(sub). The same person gets the same name
 * on every sign-in, so administrators can correlate sessions without learning who it is; someone
 * who knows the subject can compute it to find their own sessions.
 * Matches STS's pattern `[\w+=,.@-]{2,64}`.
 */
export async function deriveSessionName(subject: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(subject));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${sessionNamePrefix}${hex.slice(0, 32)}`;
}
