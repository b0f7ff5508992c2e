/**
 * "Test sign-in": runs the provider's flow and shows each step (discovery, authorization, token,
 * claims, STS) with what it got, or what failed and how to fix it.
 */
import { useState } from 'preact/hooks';
import { ExtensionError, toUserFacingError } from '../../src/errors';
import type { UserFacingError } from '../../src/errors';
import type { TestSignInReport, TestStep } from '../../src/sign-in/test-sign-in';
import { ErrorMessage } from '../components/ErrorMessage';

/** Props of {@link TestSignIn}. */
export interface TestSignInProps {
  providerName: string;
  /** Runs the test; the login window of the IdP may open. */
  onTest(): Promise<TestSignInReport>;
}

const stepNames: Record<TestStep['step'], string> = { discovery: 'Discovery', authorization: 'Authorization', token: 'Token', claims: 'Claims', sts: 'STS' };
const statusNames: Record<TestStep['status'], string> = { ok: 'ok', failed: 'failed', skipped: 'skipped' };

/** The button and the report of the last test. */
export function TestSignIn({ providerName, onTest }: TestSignInProps) {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<TestSignInReport>();
  const [error, setError] = useState<UserFacingError>();
  const run = async () => {
    setRunning(true);
    setReport(undefined);
    setError(undefined);
    try {
      setReport(await onTest());
    } catch (thrown) {
      setError(thrown instanceof ExtensionError ? thrown.toJSON() : toUserFacingError(thrown));
    } finally {
      setRunning(false);
    }
  };
  return (
    <div class="test-sign-in">
      <button type="button" onClick={() => void run()} disabled={running} aria-label={`Test sign-in with ${providerName}`}>
        {running ? 'Testing… finish in the login window' : 'Test sign-in'}
      </button>
      {error && <ErrorMessage error={error} />}
      {report && (
        <ol class="test-report" aria-label={`Test sign-in report for ${providerName}`}>
          {report.steps.map((step) => (
            <li key={step.step} class={`step-${step.status}`} data-step={step.step}>
              <strong>{stepNames[step.step]}: {statusNames[step.status]}</strong> <span>{step.detail}</span>
              {step.error && <ErrorMessage error={step.error} />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
