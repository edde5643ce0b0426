import { css, html, type TemplateResult } from 'lit';
import { ProgramError, type ProgramIssue } from '../../sdk/errors.js';

/** The problems that stopped a program from loading (warnings left out). */
export function blockingIssues(error: Error): ProgramIssue[] {
  return error instanceof ProgramError ? error.issues.filter((i) => i.severity === 'error') : [];
}

/** Whether trying again can help: the file was unreachable, slow or refused, not wrong. */
export function canRetry(error: Error): boolean {
  return error instanceof ProgramError && ['network', 'timeout', 'http-status'].includes(error.code);
}

/** Each problem as "path: message", for the clinic developer fixing the file. */
export function renderIssueList(issues: readonly ProgramIssue[]): TemplateResult {
  return html`<ul class="issues" part="error-list">
    ${issues.map((i) => html`<li><code>${i.path || '(whole file)'}</code>: ${i.message}</li>`)}
  </ul>`;
}

export const programErrorStyles = css`
  .error-title {
    font-size: var(--_font-size-lg);
  }
  .issues {
    margin: 0 0 var(--_space-3);
    padding-inline-start: var(--_space-5);
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
`;
