import axeModule from 'axe-core';
import { expect } from 'chai';

// axe-core is UMD; through the commonjs plugin it arrives as a default export.
const axe = ((axeModule as unknown as { default?: typeof axeModule }).default ?? axeModule) as typeof axeModule;

/**
 * Runs axe-core (WCAG 2.2 A/AA and best-practice rules) on an element and its shadow roots,
 * and fails listing every violation with its target and help text.
 */
export async function expectAccessible(element: Element, options: { disable?: string[] } = {}): Promise<void> {
  const rules: Record<string, { enabled: boolean }> = {};
  // A lone widget in a test page is not a whole page: page-level rules do not apply.
  for (const id of ['region', 'landmark-one-main', 'page-has-heading-one', ...(options.disable ?? [])]) {
    rules[id] = { enabled: false };
  }
  const result = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules,
    resultTypes: ['violations'],
  });
  const report = result.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  expect(result.violations, `axe violations:\n${report}`).to.have.length(0);
}
