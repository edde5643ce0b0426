/**
 * For stories only: makes the page report that it is offline (`navigator.onLine` false and an
 * `offline` event) while a story is shown, and returns the clean-up that brings it back online.
 * Use it as a story's `beforeEach`; the catalogue's iframe keeps living between stories.
 */
export function pretendOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    Reflect.deleteProperty(navigator, 'onLine');
    window.dispatchEvent(new Event('online'));
  };
}
