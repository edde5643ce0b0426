import { executeServerCommand } from '@web/test-runner-commands';

/** Sends one DevTools Protocol command for this test page (see test/helpers/cdp-plugin.mjs). */
export function cdp<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T> {
  return executeServerCommand('cdp', { method, params }) as Promise<T>;
}
