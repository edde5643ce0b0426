import { render, type TemplateResult } from 'lit';

const mounted = new Set<HTMLElement>();

/** Renders a template into a fresh container in the document and waits for Lit elements inside to update. */
export async function fixture<T extends Element>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  render(template, container);
  const el = container.firstElementChild as T;
  await settle(el);
  return el;
}

/** Waits for an element's pending Lit update, if it has one. */
export async function settle(el: Element | null | undefined): Promise<void> {
  const complete = (el as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
  if (complete) await complete;
}

/** Polls until `check` returns a truthy value, or fails after `timeout` ms naming `what`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeout = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Removes every fixture created since the last cleanup. */
export function cleanup(): void {
  for (const c of mounted) c.remove();
  mounted.clear();
}
