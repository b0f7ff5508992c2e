/**
 * Asks the user to trust hosts that are not AWS before their configuration sends tokens there.
 * The button names every origin, so a click cannot trust a host the user did not see.
 */

/** Props of {@link ConfirmOrigins}. */
export interface ConfirmOriginsProps {
  origins: readonly string[];
  /** What happens after the confirmation: `import`, `save`, or `use` (the saved configuration). */
  action: 'import' | 'save' | 'use';
  onConfirm(): void;
}

/** The warning and the one button that confirms. */
export function ConfirmOrigins({ origins, action, onConfirm }: ConfirmOriginsProps) {
  return (
    <div class="confirm-origins">
      <p>
        Your sign-in tokens would be sent to {origins.length === 1 ? 'a host' : 'hosts'} that neither AWS nor your organization named.
        Anyone running {origins.length === 1 ? 'it' : 'them'} could act in your AWS accounts. Continue only if you run or trust:
      </p>
      <ul>{origins.map((origin) => <li key={origin}><strong>{origin}</strong></li>)}</ul>
      <button type="button" class="primary" onClick={onConfirm}>Trust {origins.join(', ')} and {action === 'use' ? 'use it' : action}</button>
    </div>
  );
}
