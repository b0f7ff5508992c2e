/**
 * "Copy debug report": a text a user can paste into a ticket. It names versions, the
 * configuration in use, the step that failed, what STS said and the claims with personal values
 * redacted; it never holds a token or a key, and is scrubbed once more before it leaves.
 */
import type { Profile, Provider } from '../config/types';
import type { DiagnosticsView } from './diagnostics-view';
import { redactClaims } from './redact-claims';
import { scrubSecrets } from '../util/scrub-secrets';

/** Facts about the running extension, from the page that builds the report. */
export interface ReportEnvironment {
  extensionVersion: string;
  userAgent: string;
  /** Epoch milliseconds. */
  now: number;
}

const iso = (epochMs: number) => (Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : String(epochMs));

function providerConfig(provider: Provider) {
  const { id, name, issuer, clientId, scopes, source } = provider;
  return { id, name, issuer, clientId, scopes, source };
}

function profileConfig(profile: Profile) {
  const { id, name, providerId, roleArn, region, durationSeconds, stsEndpoint, pinned, source, cognito } = profile;
  return { id, name, provider: providerId, roleArn, region, durationSeconds, stsEndpoint, pinned, source, ...(cognito ? { cognito } : {}) };
}

const block = (title: string, value: unknown) => `## ${title}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`;

/** The report as Markdown. */
export function buildDebugReport(view: DiagnosticsView, environment: ReportEnvironment): string {
  const lines = [
    '# Web Identity Credentials debug report',
    '',
    `- Generated: ${iso(environment.now)}`,
    `- Extension version: ${environment.extensionVersion}`,
    `- Browser: ${environment.userAgent}`,
    `- Signed in: ${view.signedIn ? 'yes' : 'no'}`,
    `- Failing step: ${view.failedStep ?? 'none'}`,
    '',
  ];
  if (view.error) lines.push(block('Error', view.error));
  lines.push(block('Configuration (no secrets)', { provider: providerConfig(view.provider), ...(view.profile ? { profile: profileConfig(view.profile) } : {}) }));
  if (view.sts) {
    const service = view.profile?.cognito ? 'identity pool' : 'STS';
    lines.push(block(`Last ${service} request (the token is never included)`, { ...view.sts.request, at: iso(view.sts.at) }));
    lines.push(block(`${service === 'STS' ? 'STS' : 'Identity pool'} answer`, view.sts.error ?? { outcome: 'credentials issued', ...(view.sts.durationNote ? { note: view.sts.durationNote } : {}) }));
  }
  if (view.token) {
    lines.push(block(`ID token claims, redacted (${view.token.verified ? 'verified' : 'REJECTED by the extension, unverified'})`, redactClaims(view.token.claims)));
  }
  return scrubSecrets(lines.join('\n'));
}
