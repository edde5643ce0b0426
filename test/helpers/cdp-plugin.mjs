// A test-runner server command that sends one Chrome DevTools Protocol message for the
// calling test page: real browser controls (quota, time zone, media features) instead of mocks.
const sessions = new WeakMap();

export function cdpPlugin() {
  return {
    name: 'ck-cdp',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp') return undefined;
      const page = session.browser.getPage(session.id);
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      const { method, params } = /** @type {{method: string, params?: object}} */ (payload);
      return (await client.send(method, params ?? {})) ?? {};
    },
  };
}
