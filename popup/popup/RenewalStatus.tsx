/**
 * Where a provider's automatic renewal stands: quietly when all is well, plainly when the user
 * must sign in again, and always until when the current credentials still hold.
 */
import type { ProviderView } from '../../src/view/popup-view';
import { formatClock } from '../../src/util/format-clock';

/** Props of {@link RenewalStatus}. */
export interface RenewalStatusProps {
  view: ProviderView;
}

const methods = { 'refresh-token': 'with the refresh token', 'silent-sign-in': 'by silent sign-in' } as const;

/** One line (or an alert) about the provider's renewal. */
export function RenewalStatus({ view }: RenewalStatusProps) {
  const renewal = view.renewal;
  if (!renewal) return null;
  const at = renewal.at === undefined ? '' : formatClock(renewal.at);
  const until = renewal.validUntil === undefined ? '' : `; your current credentials stay valid until ${formatClock(renewal.validUntil)}`;
  const line = (kind: string, text: string, role?: 'alert') => (
    <div class={`renewal renewal-${kind}`} role={role} data-testid="renewal-status" data-renewal={kind}>
      {text.split('\n').map((part) => <p key={part}>{part}</p>)}
    </div>
  );
  switch (renewal.status) {
    case 'signed-out':
    case 'signed-in':
      return null;
    case 'alive':
      return line('alive', `Renewed automatically at ${at}${renewal.method ? ` ${methods[renewal.method]}` : ''}.`);
    case 'unreachable':
      return line('unreachable', `Could not renew at ${at}: ${renewal.error?.message ?? 'the identity provider did not answer.'}\nTrying again automatically${until}.`);
    case 'needs-sign-in':
      return line('needs-sign-in', `${renewal.error?.message ?? `${view.provider.name} needs you to sign in again.`}\nSign in to keep your credentials renewed${until}.`, 'alert');
    case 'failed':
      return line('failed', `${renewal.error?.message ?? 'Renewal failed.'}\n${renewal.error?.hint ?? 'Sign in again.'}`, 'alert');
    case 'cleared':
      return line('cleared', 'Your credentials were cleared when the browser or the extension restarted.\nSign in again.', 'alert');
  }
}
