/**
 * Popup open → every profile's status painted, measured from outside the popup's code: an init
 * script watches the document for the `[data-testid=profile-status]` elements (the one hook the
 * popup keeps for this), so the measure survives any rework of the components. The blank page of
 * blank-page.ts adds one such element, so it is timed the same way.
 */
import type { Environment } from '../e2e/support/harness';
import { blankPageFile } from './blank-page';

/** Times of one popup opening, in ms since its navigation started. */
export interface PopupPaint {
  /** The document parsed and popup.js run (`domInteractive`). */
  scriptDone: number;
  /** All N status elements in the DOM. */
  statusInDom: number;
  /** The frame after that: rendered on screen. */
  painted: number;
}

type BenchScope = typeof globalThis & { wicBenchPaint?: PopupPaint };

/** Runs in the popup before any of its scripts. */
function watchForStatuses(count: number): void {
  const scope = globalThis as BenchScope;
  const check = () => {
    if (document.querySelectorAll('[data-testid="profile-status"]').length < count) return;
    observer.disconnect();
    const statusInDom = performance.now();
    // rAF runs just before the frame is drawn; a task queued from it runs once it has been.
    requestAnimationFrame(() => setTimeout(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      scope.wicBenchPaint = { scriptDone: navigation?.domInteractive ?? Number.NaN, statusInDom, painted: performance.now() };
    }, 0));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** Popup size: Chromium shows extension popups at most 800×600; ours is about 360 px wide. */
const popupViewport = { width: 380, height: 600 };

/** Opens an extension page in a new tab and times it until `count` status elements are painted. */
async function timePaint(env: Environment, file: string, count: number): Promise<PopupPaint> {
  const page = await env.context.newPage();
  try {
    await page.setViewportSize(popupViewport);
    await page.addInitScript(watchForStatuses, count);
    await page.goto(`${env.extensionOrigin}/${file}`);
    await page.waitForFunction(() => (globalThis as BenchScope).wicBenchPaint !== undefined, undefined, { timeout: 30_000 });
    return await page.evaluate(() => (globalThis as BenchScope).wicBenchPaint as PopupPaint);
  } finally {
    await page.close();
  }
}

/** Openings of the popup and of the blank page, taken in turn so that both see the same conditions. */
export interface PaintRuns {
  popup: PopupPaint[];
  blank: PopupPaint[];
}

/**
 * Opens the blank page and then the popup with `count` profiles configured, `runs` times each
 * after `warmUp` unrecorded pairs. The extension must be loaded from `copyWithBlankPage`.
 */
export async function measurePopupPaint(env: Environment, count: number, runs: number, warmUp = 2): Promise<PaintRuns> {
  const results: PaintRuns = { popup: [], blank: [] };
  for (let run = 0; run < warmUp + runs; run += 1) {
    const blank = await timePaint(env, blankPageFile, 1);
    const popup = await timePaint(env, 'popup.html', count);
    if (run < warmUp) continue;
    results.blank.push(blank);
    results.popup.push(popup);
  }
  return results;
}
