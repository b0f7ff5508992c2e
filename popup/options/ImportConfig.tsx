/**
 * Paste or load a configuration document and import it. A document with errors changes nothing
 * and lists every problem with its path.
 */
import { useState } from 'preact/hooks';
import type { ImportResult } from '../../src/config/import-config';
import { ConfirmOrigins } from './ConfirmOrigins';

/** Props of {@link ImportConfig}. */
export interface ImportConfigProps {
  /** The document in force, shown for editing. */
  current: string;
  /** Validates and, when clean, stores the document; `confirm` as in the editor's save. */
  onImport(text: string, confirm?: string[]): Promise<ImportResult>;
}

/** The import form. */
export function ImportConfig({ current, onImport }: ImportConfigProps) {
  const [text, setText] = useState(current);
  const [result, setResult] = useState<ImportResult>();

  const loadFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };

  return (
    <form
      class="import"
      onSubmit={async (event) => {
        event.preventDefault();
        setResult(await onImport(text));
      }}
    >
      <label for="config-text">Configuration (JSON)</label>
      <textarea id="config-text" rows={18} spellcheck={false} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <div class="actions">
        <label class="file">
          Load file… <input type="file" accept="application/json,.json" onChange={loadFile} />
        </label>
        <button type="submit" class="primary">
          Import
        </button>
      </div>
      {result?.ok === true && (
        <p role="status" class="success">
          Imported {result.providers} provider(s) and {result.profiles} profile(s).
          {result.warnings.map((warning) => ` ${warning.path}: ${warning.message}.`).join('')}
        </p>
      )}
      {result?.ok === false && (
        <div role="alert" class="error">
          <p>Nothing was changed. Fix these and import again:</p>
          <ul>
            {result.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {result.toConfirm && <ConfirmOrigins origins={result.toConfirm} action="import" onConfirm={async () => setResult(await onImport(text, result.toConfirm))} />}
        </div>
      )}
    </form>
  );
}
