/**
 * Session policies: an inline policy and managed policy ARNs that narrow a session below what
 * the role allows. Checked before any call, since STS rejects them only after the sign-in.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */

/** STS's limit on the plain text of the inline policy. */
export const maxSessionPolicyCharacters = 2048;
/** STS's limit on managed policy ARNs per session. */
export const maxPolicyArns = 10;

/** An inline policy (JSON text, or an object) as minified JSON, or a message saying what is wrong. */
export function normalizeSessionPolicy(value: unknown): { policy: string } | { problem: string } {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      return { problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problem: 'must be a JSON policy document: an object with "Version" and "Statement"' };
  }
  if (!('Statement' in parsed)) return { problem: 'has no "Statement"; a policy document needs one, e.g. {"Version":"2012-10-17","Statement":[…]}' };
  const policy = JSON.stringify(parsed);
  if (policy.length > maxSessionPolicyCharacters) {
    return { problem: `is ${policy.length} characters without spaces; STS allows ${maxSessionPolicyCharacters}: narrow it or use policyArns` };
  }
  return { policy };
}

const policyArnPattern = /^arn:([\w-]+):iam::(aws|\d{12}):policy\/([\w+=,.@/-]{1,512})$/;

/** A managed policy ARN in the role's partition, or a message saying what is wrong. */
export function checkPolicyArn(value: string, partition: string | undefined): string | undefined {
  const match = policyArnPattern.exec(value);
  if (!match) return `must look like arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/Name (got ${JSON.stringify(value)})`;
  if (partition && match[1] !== partition) return `is in partition ${match[1]} but roleArn is in ${partition}; use the role's partition`;
  return undefined;
}
