/**
 * The offscreen clipboard document's entry point (see src/adapters/clipboard.ts).
 */
import { serveClipboard } from './clipboard-document';

serveClipboard();
