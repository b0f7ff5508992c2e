import { webAuthFlowDetails } from '../../../src/oidc/web-auth-flow-details';

const url = 'https://idp.example.test/authorize?client_id=abc';
const chromiumOnly = { abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 10_000 };

describe('webAuthFlowDetails', () => {
  it('sends Chromium its silent-flow options', () => {
    expect(webAuthFlowDetails('chromium', url, false, chromiumOnly)).toEqual({ url, interactive: false, ...chromiumOnly });
  });

  it('sends Firefox only url and interactive, which is all its API schema accepts', () => {
    expect(webAuthFlowDetails('firefox', url, false, chromiumOnly)).toEqual({ url, interactive: false });
    expect(Object.keys(webAuthFlowDetails('firefox', url, true, chromiumOnly)).sort()).toEqual(['interactive', 'url']);
  });

  it('never lets an option override the url or interactive flag', () => {
    const sneaky = { ...chromiumOnly, url: 'https://evil.test/', interactive: true } as typeof chromiumOnly;
    expect(webAuthFlowDetails('chromium', url, false, sneaky)).toMatchObject({ url, interactive: false });
  });
});
