/**
 * The option to clear the clipboard a while after copying credentials (off by default).
 */
import { useEffect, useState } from 'preact/hooks';
import { clipboardClearChoices } from '../../src/storage/preferences';

/** Props of {@link ClipboardOption}. */
export interface ClipboardOptionProps {
  load(): Promise<number>;
  save(seconds: number): Promise<void>;
}

function choiceLabel(seconds: number): string {
  if (seconds === 0) return 'Never';
  return seconds < 60 ? `After ${seconds} seconds` : `After ${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
}

/** A select of the clearing delays. */
export function ClipboardOption({ load, save }: ClipboardOptionProps) {
  const [seconds, setSeconds] = useState<number>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void load().then(setSeconds);
  }, [load]);
  if (seconds === undefined) return null;
  return (
    <div class="clipboard-option">
      <label for="clear-clipboard">Clear the clipboard after copying credentials</label>{' '}
      <select
        id="clear-clipboard"
        value={String(seconds)}
        onChange={async (event) => {
          const chosen = Number(event.currentTarget.value);
          setSeconds(chosen);
          await save(chosen);
          setSaved(true);
        }}
      >
        {clipboardClearChoices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {choiceLabel(choice)}
          </option>
        ))}
      </select>
      <p class="hint">Whatever the clipboard holds then is cleared. Works in Chromium; it uses a hidden page of the extension to reach the clipboard.</p>
      {saved && (
        <p role="status" class="success">
          Saved.
        </p>
      )}
    </div>
  );
}
