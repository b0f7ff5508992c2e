/**
 * The Chromium harness (harness.ts, playwright-core) seen through the browser-neutral
 * {@link ScenarioEnvironment}, so the shared scenario runs in Chromium.
 */
import type { Page } from 'playwright-core';
import { REDIRECT_URI } from './harness';
import type { Environment } from './harness';
import { scenarioEnvironment } from './scenario-environment';
import { scenarioPage } from './scenario-page';
import type { ScenarioPage } from './scenario-page';
import type { ScenarioEnvironment } from './sign-in-scenario';

/** A Playwright page as a {@link ScenarioPage}. */
export function playwrightScenarioPage(page: Page): ScenarioPage {
  return scenarioPage({
    // Playwright types the argument as Unboxed<A>; the plain JSON sent here is its own unboxed form.
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg),
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.fill(selector, value),
    close: () => page.close(),
  });
}

/** The scenario's view of a started Chromium environment. */
export function chromiumScenario(env: Environment): ScenarioEnvironment {
  return scenarioEnvironment(env, { browserName: 'Chromium', redirectUri: REDIRECT_URI, scenarioPage: playwrightScenarioPage });
}
