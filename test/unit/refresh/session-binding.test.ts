/**
 * A renewal never sends a session's refresh token to a provider that now names another issuer,
 * even before the background has ended that session (src/sign-in/stale-sessions.ts).
 */
import { redirectUri, signIn, worldDocument } from '../support/refresh-world';
import { simulatedBrowser } from '../support/simulated-browser';
import { simulatedIdp } from '../support/simulated-idp';
import { startStsStandIn, stsCredentials } from '../support/sts-stand-in';

describe('a renewal after the provider changed its issuer', () => {
  it('sends nothing to the new issuer, nor to the old one, and gets no credentials', async () => {
    const sts = await startStsStandIn(() => stsCredentials('arn:aws:iam::111111111111:role/Dev', 'wic-x', 3600));
    try {
      const corp = simulatedIdp({ issuer: 'https://corp.example.com', clientId: 'corp-client', redirectUri });
      const lab = simulatedIdp({ issuer: 'https://lab.example.com', clientId: 'lab-client', redirectUri });
      const evil = simulatedIdp({ issuer: 'https://evil.example.com', clientId: 'corp-client', redirectUri });
      const document = worldDocument(sts.endpoint);
      const browser = simulatedBrowser({ document, idps: [corp, lab, evil], redirectUri });
      await signIn(browser, 'corp');
      const issued = browser.session.get('credentials/dev');
      expect(issued).toBeDefined();
      const before = corp.requests.length;

      browser.setDocument({ ...document, providers: document.providers?.map((provider) => (provider.id === 'corp' ? { ...provider, issuer: evil.issuer } : provider)) });
      await browser.settle();
      await browser.message((worker) => worker.refresh.refreshNow(['dev']));
      await browser.settle();
      expect(evil.requests).toEqual([]);
      expect(corp.requests.slice(before)).toEqual([]);
      expect(browser.session.get('credentials/dev')).toEqual(issued);
    } finally {
      await sts.close();
    }
  });
});
