import { css, html, nothing, type TemplateResult } from 'lit';
import { ProgramError, type ProgramIssue } from '../../sdk/errors.js';

/** The problems that stopped a program from loading (warnings left out). */
export function blockingIssues(error: Error): ProgramIssue[] {
  return error instanceof ProgramError ? error.issues.filter((i) => i.severity === 'error') : [];
}

/** Whether trying again can help: the file was unreachable, slow or refused, not wrong. */
export function canRetry(error: Error): boolean {
  return error instanceof ProgramError && ['network', 'timeout', 'http-status'].includes(error.code);
}

/** Problems listed on the page; a file with hundreds of them shows the first and a count. */
const ISSUES_SHOWN = 20;
/** Characters of a path or message shown. The SDK keeps both short; this holds for errors from anywhere. */
const TEXT_SHOWN = 300;

/** A message as an element shows it: never more than a few lines, whatever was thrown. */
export function shortMessage(message: string): string {
  return message.length <= TEXT_SHOWN ? message : `${message.slice(0, TEXT_SHOWN)}… (${message.length.toLocaleString('en-US')} characters)`;
}

/** Each problem as "path: message", for the clinic developer fixing the file. */
export function renderIssueList(issues: readonly ProgramIssue[]): TemplateResult {
  const more = issues.length - ISSUES_SHOWN;
  return html`<ul class="issues" part="error-list">
    ${issues.slice(0, ISSUES_SHOWN).map((i) => html`<li><code>${shortMessage(i.path) || '(whole file)'}</code>: ${shortMessage(i.message)}</li>`)}
    ${more > 0 ? html`<li>… and ${more} more</li>` : nothing}
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
