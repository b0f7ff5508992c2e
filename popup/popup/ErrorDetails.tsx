/**
 * An error tucked behind a disclosure: the card stays short, and what happened and what to do
 * are one click (or Enter) away.
 */
import type { UserFacingError } from '../../src/errors';
import { ErrorMessage } from '../components/ErrorMessage';

/** Props of {@link ErrorDetails}. */
export interface ErrorDetailsProps {
  error: UserFacingError;
  /** The disclosure's label. */
  summary: string;
}

/** A collapsed error with its message, hint and code. */
export function ErrorDetails({ error, summary }: ErrorDetailsProps) {
  return (
    <details class="error-details">
      <summary>{summary}</summary>
      <ErrorMessage error={error} />
      <p class="code">Code {error.code}</p>
    </details>
  );
}
