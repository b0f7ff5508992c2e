/**
 * An error as a user reads it: what happened, then what to do.
 */
import type { UserFacingError } from '../../src/errors';

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  error: UserFacingError;
}

/** Shows an error message and its hint. */
export function ErrorMessage({ error }: ErrorMessageProps) {
  return (
    <div class="error" role="alert" data-code={error.code}>
      <p>{error.message}</p>
      {error.hint && <p class="hint">{error.hint}</p>}
    </div>
  );
}
