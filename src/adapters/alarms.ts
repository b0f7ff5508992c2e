/**
 * `browser.alarms`: they outlive the service worker and wake it up. Chrome fires a packed
 * extension's alarms no sooner than 30 seconds ahead; the schedule never asks for less.
 */
import { browser } from './browser-api';
import type { AlarmsPort } from '../refresh/refresh-deps';

/** The alarms of this extension. */
export const alarms: AlarmsPort = {
  async get(name) {
    const alarm = await browser.alarms.get(name);
    if (!alarm) return undefined;
    return alarm.periodInMinutes === undefined ? { scheduledTime: alarm.scheduledTime } : { scheduledTime: alarm.scheduledTime, periodInMinutes: alarm.periodInMinutes };
  },
  async create(name, when, periodInMinutes) {
    browser.alarms.create(name, periodInMinutes === undefined ? { when } : { when, periodInMinutes });
  },
  async clear(name) {
    await browser.alarms.clear(name);
  },
};
