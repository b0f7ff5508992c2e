/**
 * One way to drive the extension's pages in both browsers: Chromium through playwright-core,
 * Firefox through puppeteer-core. Elements are found the way a person names them (a role and an
 * accessible name, inside a named landmark) and clicked and typed into through each driver's real
 * input events, so one scenario runs unchanged in both.
 *
 * ```ts
 * const popup = await env.openPopup();
 * await popup.click({ role: 'button', name: 'Sign in', within: { role: 'region', name: 'Sandbox IdP' } });
 * await popup.waitForText({ role: 'status', within: profile }, /^Valid/);
 * ```
 */

/** An element as a person finds it. */
export interface Target {
  role: 'button' | 'article' | 'region' | 'status' | 'alert' | 'textbox' | 'code';
  /**
   * The accessible name (aria-label, else aria-labelledby, else a <label for>, else the text); a
   * string matches as Playwright's `getByRole` does: a part of it, ignoring case.
   */
  name?: string | RegExp;
  /** The nearest enclosing element that must match too. */
  within?: Target;
}

/** What each browser driver must offer; both playwright-core's and puppeteer-core's pages do. */
export interface PageDriver {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** A real click on the first element matching a CSS selector. */
  click(selector: string): Promise<void>;
  /** Replaces the value of a text field, as typing would. */
  fill(selector: string, value: string): Promise<void>;
  close(): Promise<void>;
}

/** A page of the extension, driven in either browser. */
export interface ScenarioPage {
  click(target: Target, options?: WaitOptions): Promise<void>;
  fill(target: Target, value: string): Promise<void>;
  /** The text of the target, once it exists. */
  text(target: Target, options?: WaitOptions): Promise<string>;
  /** Waits until the target's text matches (a string must be contained) and returns the text. */
  waitForText(target: Target, expected: string | RegExp, options?: WaitOptions): Promise<string>;
  close(): Promise<void>;
}

export interface WaitOptions {
  timeout?: number;
}

interface SerializedTarget {
  role: Target['role'];
  name?: { source: string; flags: string } | string;
  within?: SerializedTarget;
}

function serialize(target: Target): SerializedTarget {
  const name = target.name instanceof RegExp ? { source: target.name.source, flags: target.name.flags } : target.name;
  return { role: target.role, ...(name === undefined ? {} : { name }), ...(target.within ? { within: serialize(target.within) } : {}) };
}

function describeTarget(target: Target): string {
  const own = `${target.role}${target.name === undefined ? '' : ` "${String(target.name)}"`}`;
  return target.within ? `${own} in ${describeTarget(target.within)}` : own;
}

/**
 * Runs in the page: marks the first visible match with a unique attribute and returns its CSS
 * selector and text, or null. Self-contained, since drivers send it to the page as source.
 */
function markTarget({ target, mark }: { target: SerializedTarget; mark: string }): { selector: string; text: string; disabled: boolean } | null {
  const selectors: Record<string, string> = {
    button: 'button, [role=button]',
    article: 'article',
    region: 'section[aria-labelledby], section[aria-label], [role=region]',
    status: '[role=status]',
    alert: '[role=alert]',
    textbox: 'textarea, input:not([type]), input[type=text]',
    code: 'code',
  };
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return clean(label);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) return clean(labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent).join(' '));
    if (element.id) {
      const forLabel = document.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      if (forLabel) return clean(forLabel.textContent);
    }
    return clean(element.textContent);
  };
  const matches = (element: Element, spec: SerializedTarget): boolean => {
    if (!element.matches(selectors[spec.role] ?? spec.role)) return false;
    if (spec.name !== undefined) {
      const name = nameOf(element);
      if (typeof spec.name === 'string' ? !name.toLowerCase().includes(spec.name.toLowerCase()) : !new RegExp(spec.name.source, spec.name.flags).test(name)) return false;
    }
    if (!spec.within) return true;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (matches(parent, spec.within)) return true;
    }
    return false;
  };
  const found = [...document.querySelectorAll(selectors[target.role] ?? target.role)].find((element) => matches(element, target));
  if (!found) return null;
  document.querySelectorAll(`[data-e2e-mark="${mark}"]`).forEach((element) => element.removeAttribute('data-e2e-mark'));
  found.setAttribute('data-e2e-mark', mark);
  return { selector: `[data-e2e-mark="${mark}"]`, text: clean(found.textContent), disabled: (found as HTMLButtonElement).disabled === true };
}

let marks = 0;

/** Wraps a driver's page in the {@link ScenarioPage} API. */
export function scenarioPage(driver: PageDriver, defaultTimeout = 15_000): ScenarioPage {
  const poll = async <R>(what: string, timeout: number, check: () => Promise<R | undefined>): Promise<R> => {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        const result = await check();
        if (result !== undefined) return result;
      } catch (error) {
        // A page that is navigating or re-rendering answers again on the next round.
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const find = (target: Target, { timeout = defaultTimeout }: WaitOptions = {}, enabled = false) => {
    const mark = `m${(marks += 1)}`;
    return poll(describeTarget(target), timeout, async () => {
      const found = await driver.evaluate(markTarget, { target: serialize(target), mark });
      return found && !(enabled && found.disabled) ? found : undefined;
    });
  };
  return {
    click: async (target, options) => driver.click((await find(target, options, true)).selector),
    fill: async (target, value) => driver.fill((await find(target)).selector, value),
    text: async (target, options) => (await find(target, options)).text,
    waitForText: (target, expected, { timeout = defaultTimeout } = {}) => {
      const fits = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
      const mark = `m${(marks += 1)}`;
      return poll(`${describeTarget(target)} with text ${String(expected)}`, timeout, async () => {
        const found = await driver.evaluate(markTarget, { target: serialize(target), mark });
        return found && fits(found.text) ? found.text : undefined;
      });
    },
    close: () => driver.close(),
  };
}
