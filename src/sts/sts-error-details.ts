/**
 * The exact answer STS gave, as the diagnostics show it: the wire error code, AWS's own message,
 * the HTTP status and request id. Read from the SDK error behind an {@link ExtensionError}.
 */
import { scrubSecrets } from '../util/scrub-secrets';

/** What STS said, or what stopped the request from reaching it. */
export interface StsErrorDetails {
  /** STS's error code (`AccessDenied`, `IDPRejectedClaim`), or the client-side error's name. */
  code: string;
  message: string;
  httpStatus?: number;
  requestId?: string;
  /** How many attempts the SDK made, retries included. */
  attempts?: number;
  /** `client` or `server` for an answer from STS; absent when STS never answered. */
  fault?: string;
}

interface SdkError {
  name: string;
  message: string;
  Code?: unknown;
  RequestId?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown; attempts?: unknown };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function detailsOf(error: Error & SdkError): StsErrorDetails {
  const details: StsErrorDetails = {
    code: text(error.Code) ?? error.name.replace(/Exception$/, ''),
    message: scrubSecrets(error.message.replace(/\s+/g, ' ').trim()).slice(0, 500),
  };
  const status = count(error.$metadata?.httpStatusCode);
  const requestId = text(error.RequestId) ?? text(error.$metadata?.requestId);
  const attempts = count(error.$metadata?.attempts);
  const fault = text(error.$fault);
  if (status !== undefined) details.httpStatus = status;
  if (requestId) details.requestId = requestId;
  if (attempts !== undefined) details.attempts = attempts;
  if (fault) details.fault = fault;
  return details;
}

/**
 * Finds the SDK error in `error` or its causes (explainStsError keeps it as the cause) and
 * describes it; a network failure is described by its own name. `undefined` when STS was never
 * asked (an error of ours alone).
 */
export function stsErrorDetails(error: unknown): StsErrorDetails | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let foreign: Error | undefined;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if ('$fault' in current || '$metadata' in current) return detailsOf(current as Error & SdkError);
    if (current.name !== 'ExtensionError') foreign ??= current;
    current = current.cause;
  }
  return foreign && detailsOf(foreign);
}
