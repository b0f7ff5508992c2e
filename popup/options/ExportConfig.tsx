/**
 * Export of the saved configuration as JSON, to copy or download, ready to import elsewhere.
 */
import { useState } from 'preact/hooks';

/** Props of {@link ExportConfig}. */
export interface ExportConfigProps {
  /** The saved document, at the current format version. */
  document: unknown;
  /** True while the editor holds changes that are not saved, which the export leaves out. */
  unsaved: boolean;
}

/** Copy and download buttons for the saved configuration. */
export function ExportConfig({ document, unsaved }: ExportConfigProps) {
  const [copied, setCopied] = useState(false);
  const text = JSON.stringify(document ?? { providers: [], profiles: [] }, null, 2);
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div class="export">
      <h3>Export</h3>
      {unsaved && <p class="note">Exports the saved configuration; save first to include your changes.</p>}
      <div class="actions">
        <button type="button" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>{copied ? 'Copied' : 'Copy configuration'}</button>
        <a class="button" href={href} download="web-identity-credentials.json">Download configuration</a>
      </div>
    </div>
  );
}
