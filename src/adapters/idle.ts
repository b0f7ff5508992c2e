/**
 * `browser.idle`: whether the user is at the machine, so nothing is refreshed for nobody.
 */
import { browser } from './browser-api';
import type { IdlePort } from '../refresh/refresh-deps';

/** Idle detection; Chrome takes thresholds of 15 seconds and more. */
export const idle: IdlePort = {
  queryState: (thresholdSeconds) => browser.idle.queryState(Math.max(15, thresholdSeconds)),
  async setDetectionInterval(thresholdSeconds) {
    browser.idle.setDetectionInterval(Math.max(15, thresholdSeconds));
  },
};
