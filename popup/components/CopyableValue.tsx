/**
 * A value shown in full, selectable, with a button that copies it.
 */
import { useState } from 'preact/hooks';

/** Props of {@link CopyableValue}. */
export interface CopyableValueProps {
  label: string;
  value: string;
}

/** A labelled value with a copy button. */
export function CopyableValue({ label, value }: CopyableValueProps) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div class="copyable">
      <code aria-label={label} data-testid="redirect-uri">
        {value}
      </code>
      <button type="button" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
