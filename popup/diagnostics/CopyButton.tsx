/**
 * A button that copies text built at the moment of the click, and says whether it worked.
 */
import { useState } from 'preact/hooks';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  label: string;
  /** Builds the text; called on click so it is never stale. */
  text(): string;
  onCopy(text: string): Promise<void>;
}

/** Copies, then shows "Copied" or "Copy failed" for two seconds. */
export function CopyButton({ label, text, onCopy }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await onCopy(text());
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" onClick={copy} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
