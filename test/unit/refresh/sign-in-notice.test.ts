import { signInNotice } from '../../../src/refresh/sign-in-notice';

const content = { iconUrl: 'chrome-extension://x/icons/icon-128.png', title: 'Sign in to Corp SSO', message: 'Corp SSO needs you to sign in again.' };

describe('signInNotice', () => {
  it('gives Chromium a Sign in button and keeps the notice up until the user acts', () => {
    expect(signInNotice('chromium', content)).toEqual({ type: 'basic', ...content, buttons: [{ title: 'Sign in' }], requireInteraction: true });
  });

  it('sends Firefox only what its API accepts, and tells the user to click the notice itself', () => {
    const notice = signInNotice('firefox', content);
    expect(Object.keys(notice).sort()).toEqual(['iconUrl', 'message', 'title', 'type']);
    expect(notice.message).toBe('Corp SSO needs you to sign in again.\nClick here to sign in.');
  });
});
