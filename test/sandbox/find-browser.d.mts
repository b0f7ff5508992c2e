/** Types of find-browser.mjs, for the TypeScript that imports it (test/unit/sandbox). */

export interface BrowserLookup {
  family: 'chromium' | 'firefox';
  /** `process.platform`; others than linux, darwin and win32 are searched like linux. */
  platform: string;
  /** `process.env`: `CHROMIUM_PATH` / `FIREFOX_PATH` win over the lookup. */
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
}

export interface FoundBrowser {
  name: string;
  executablePath: string;
}

/** Thrown when no browser of the family is installed; the message says what was tried and what to do. */
export class BrowserNotFoundError extends Error {}

/** The browser `npm start` should open: the first installed one of the family, in its usual places. */
export function findBrowser(lookup: BrowserLookup): FoundBrowser;
