/**
 * Popup open → every profile's status painted, measured from outside the popup's code: an init
 * script watches the document for the `[data-testid=profile-status]` elements (the one hook the
 * popup keeps for this), so the measure survives any rework of the components.
 */
import type { Environment } from '../e2e/support/harness';

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

/** Opens the popup `runs` times (after `warmUp` unrecorded openings) with `count` profiles configured. */
export async function measurePopupPaint(env: Environment, count: number, runs: number, warmUp = 2): Promise<PopupPaint[]> {
  const results: PopupPaint[] = [];
  for (let run = 0; run < warmUp + runs; run += 1) {
    const page = await env.context.newPage();
    try {
      await page.setViewportSize(popupViewport);
      await page.addInitScript(watchForStatuses, count);
      await page.goto(`${env.extensionOrigin}/popup.html`);
      await page.waitForFunction(() => (globalThis as BenchScope).wicBenchPaint !== undefined, undefined, { timeout: 30_000 });
      const paint = await page.evaluate(() => (globalThis as BenchScope).wicBenchPaint as PopupPaint);
      if (run >= warmUp) results.push(paint);
    } finally {
      await page.close();
    }
  }
  return results;
}
