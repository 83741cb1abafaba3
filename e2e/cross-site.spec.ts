// Another site's page, open in the operator's browser, tries to act on Tributary and to frame it:
// the POST reaches Tributary and is refused, and the frame stays empty.
import { expect, test } from '@playwright/test';
import { readStack } from './stack';

// Chromium's Local Network Access would block the other site's request before it leaves the
// browser (both sites are on loopback here, unlike a public page and an operator's Tributary):
// turned off, so that what is shown is Tributary's own refusal.
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
  },
});

test("another site's page can neither act on Tributary nor frame it", async ({ page, request }) => {
  const app = readStack().appUrl;
  const target = `${app}/api/supervisors/e2e-no-such-supervisor/terminate`;
  // Another site on this machine: localhost is a different site from 127.0.0.1. page.route serves its page.
  const otherSite = `${app.replace('127.0.0.1', 'localhost')}/other-site.html`;
  expect(new URL(otherSite).host).not.toBe(new URL(app).host);
  // What a malicious page does: a POST the browser sends without asking (no-cors, text/plain), and a frame.
  await page.route(otherSite, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><iframe id="framed" src="${app}/"></iframe>
        <script>fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: '{}' });</script>`,
    }),
  );
  const refusals: string[] = [];
  page.on('console', (message) => refusals.push(message.text()));
  const [answer] = await Promise.all([page.waitForResponse((response) => response.url() === target), page.goto(otherSite)]);
  expect(answer.status()).toBe(403);
  // The page cannot read its no-cors answer (nor could the other site): the same request from a script says why.
  const refused = await request.post(target, { headers: { 'sec-fetch-site': 'cross-site', origin: new URL(otherSite).origin, 'content-type': 'text/plain' }, data: '{}' });
  expect((await refused.json()).error.code).toBe('cross_site');
  await expect.poll(() => refusals.some((text) => text.includes("frame-ancestors 'none'"))).toBe(true);
  await expect(page.frameLocator('#framed').getByRole('heading', { name: 'Stream Kafka into Druid' })).toHaveCount(0);
});
