/**
 * The diagnostics page for one profile: the last ID token's claims (the token itself only on
 * request), the last STS request and its exact answer, a trust policy built from the claims when
 * STS refused them, and a debug report to copy.
 */
import { useState } from 'preact/hooks';
import type { DiagnosticsView } from '../../src/diagnostics/diagnostics-view';
import { ClaimsTable } from './ClaimsTable';
import { CopyButton } from './CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';

/** Props of {@link DiagnosticsPanel}. */
export interface DiagnosticsPanelProps {
  /** `undefined` while loading, `null` when the URL names nothing configured. */
  view: DiagnosticsView | null | undefined;
  now: number;
  /** Reads the ID token from session storage, only when the user asks. */
  onRevealToken(): Promise<string | undefined>;
  onCopy(text: string): Promise<void>;
  /** Builds the debug report at the moment of copying. */
  report(): string;
}

function Rows({ label, values }: { label: string; values: Record<string, unknown> }) {
  return (
    <table aria-label={label}>
      <tbody>
        {Object.entries(values).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td><code>{String(value)}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The page's content. */
export function DiagnosticsPanel({ view, now, onRevealToken, onCopy, report }: DiagnosticsPanelProps) {
  const [token, setToken] = useState<string>();
  if (view === undefined) return <p class="loading">Loading…</p>;
  if (view === null) return <p role="alert" class="error">This profile or provider is not configured (any more).</p>;
  const { provider, profile, sts, suggestion, cognito } = view;
  // An identity pool profile's request goes to the pool (and, in the basic flow, on to STS).
  const service = profile?.cognito ? 'identity pool' : 'STS';
  return (
    <>
      <header class="top">
        <h1>Diagnostics: {profile ? `${profile.name} (${provider.name})` : provider.name}</h1>
        <CopyButton label="Copy debug report" text={report} onCopy={onCopy} />
      </header>

      <section aria-labelledby="state-heading">
        <h2 id="state-heading">Where it stands</h2>
        <p>{view.signedIn ? `Signed in with ${provider.name}.` : `Not signed in with ${provider.name}.`}</p>
        {view.failedStep && <p data-testid="failed-step">Failed at: <strong>{view.failedStep}</strong></p>}
        {view.error && <ErrorMessage error={view.error} />}
      </section>

      <section aria-labelledby="token-heading">
        <h2 id="token-heading">Last ID token</h2>
        {!view.token && <p class="hint">No ID token yet: sign in first.</p>}
        {view.token && !view.token.verified && <p class="warning">The extension rejected this token; these are its unverified claims.</p>}
        {view.token && <ClaimsTable claims={view.token.claims} now={now} />}
        {view.signedIn && !token && (
          <button type="button" onClick={async () => setToken(await onRevealToken())}>
            Reveal ID token
          </button>
        )}
        {token && (
          <div class="reveal">
            <p class="warning">Anyone holding this token can get AWS credentials with it until it expires. Do not paste it into tickets or chats.</p>
            <textarea readOnly rows={5} aria-label="ID token" value={token} />
            <button type="button" onClick={() => setToken(undefined)}>Hide ID token</button>
          </div>
        )}
      </section>

      {profile && (
        <section aria-labelledby="sts-heading">
          <h2 id="sts-heading">Last {service} request</h2>
          {!sts && <p class="hint">No {service} request yet.</p>}
          {sts && <Rows label={`${service} request parameters`} values={{ ...sts.request, [profile.cognito ? 'Logins' : 'WebIdentityToken']: '(not shown)', at: new Date(sts.at).toISOString() }} />}
          {sts?.error && (
            <>
              <h3>{profile.cognito ? 'AWS' : 'STS'} answered</h3>
              <Rows
                label={`${service} answer`}
                values={{
                  code: sts.error.code,
                  message: sts.error.message,
                  ...(sts.error.httpStatus !== undefined ? { 'HTTP status': sts.error.httpStatus } : {}),
                  ...(sts.error.requestId ? { 'request id': sts.error.requestId } : {}),
                  ...(sts.error.attempts !== undefined ? { attempts: sts.error.attempts } : {}),
                }}
              />
            </>
          )}
          {sts && !sts.error && <p>{profile.cognito ? 'The identity pool' : 'STS'} issued credentials.{sts.durationNote ? ` ${sts.durationNote}` : ''}</p>}
        </section>
      )}

      {cognito && (
        <section aria-labelledby="pool-heading">
          <h2 id="pool-heading">Identity pool settings</h2>
          <p>The pool expects the token under the Logins key <code data-testid="logins-key">{cognito.loginsKey}</code>.</p>
          <p>{cognito.providerSettings}</p>
          <p>
            Its roles must trust Cognito for this pool (<code>cognito-identity.amazonaws.com:aud</code> = <code>{cognito.identityPoolId}</code>) and
            signed-in users only (<code>cognito-identity.amazonaws.com:amr</code> = <code>authenticated</code>):
          </p>
          <pre data-testid="cognito-trust-policy">{cognito.trustPolicy}</pre>
          <CopyButton label="Copy trust policy" text={() => cognito.trustPolicy} onCopy={onCopy} />
        </section>
      )}

      {suggestion && (
        <section aria-labelledby="policy-heading">
          <h2 id="policy-heading">Suggested trust policy</h2>
          <p>
            Built from the claims of your token. In account {profile?.accountId}, the IAM OIDC provider <code>{suggestion.providerName}</code> must exist with
            audience <code>{suggestion.audience}</code>, and role {profile?.roleName} must trust it like this (narrow <code>{suggestion.providerName}:sub</code> to
            whom it should allow):
          </p>
          <pre data-testid="trust-policy">{suggestion.text}</pre>
          <CopyButton label="Copy trust policy" text={() => suggestion.text} onCopy={onCopy} />
        </section>
      )}
    </>
  );
}
