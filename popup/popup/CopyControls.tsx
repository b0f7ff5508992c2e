/**
 * Copying a profile's credentials: one click for the format picked last (bash until the user
 * picks another), every other format one menu away. The button says when it has copied.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { CopyFormat } from '../../src/format';
import { copyFormats } from '../../src/format/copy-format-options';
import type { ProfileView } from '../../src/view/popup-view';
import { FormatMenu } from './FormatMenu';
import { formatShortNames } from './format-names';
import { PopupActionsContext } from './popup-actions';

/** Props of {@link CopyControls}. */
export interface CopyControlsProps {
  view: ProfileView;
}

type Outcome = { result: 'copied' | 'failed'; format: CopyFormat };

/** How long "Copied" stays on the button. */
const feedbackMs = 2000;

/** The copy button and the formats menu of one profile. */
export function CopyControls({ view }: CopyControlsProps) {
  const { lastFormat, copy } = useContext(PopupActionsContext);
  const [outcome, setOutcome] = useState<Outcome>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const copyAs = async (format: CopyFormat) => {
    clearTimeout(timer.current);
    try {
      await copy(view, format);
      setOutcome({ result: 'copied', format });
    } catch {
      setOutcome({ result: 'failed', format });
    }
    timer.current = setTimeout(() => setOutcome(undefined), feedbackMs);
  };

  const disabled = view.state.kind !== 'valid';
  const name = formatShortNames[lastFormat];
  const label = copyFormats.find((option) => option.id === outcome?.format)?.label;
  return (
    <>
      <button type="button" class="copy" disabled={disabled} onClick={() => void copyAs(lastFormat)} aria-label={`Copy ${name}`}>
        {outcome?.result === 'copied' ? 'Copied' : outcome?.result === 'failed' ? 'Copy failed' : `Copy ${name}`}
      </button>
      <FormatMenu profileId={view.profile.id} profileName={view.profile.name} disabled={disabled} onPick={(format) => void copyAs(format)} />
      {/* The button's name stays "Copy …" for its users; this says what happened to screen readers. */}
      <span class="visually-hidden" aria-live="polite">
        {outcome && `${outcome.result === 'copied' ? 'Copied' : 'Could not copy'} ${label ?? ''} for ${view.profile.name}`}
      </span>
    </>
  );
}
