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

/** The words around a program that could not load; pass translations for other languages. */
export interface ProgramErrorWords {
  /** When the connection failed or was too slow: the participant can check it and try again. */
  retryHint: string;
  /** When the site is at fault (a wrong file, a missing one): nothing to do but wait or tell the clinic. */
  laterHint: string;
  retry: string;
  /** The disclosure that holds what the developer needs. */
  details: string;
  issues: (count: number) => string;
}

export const PROGRAM_ERROR_WORDS_EN: ProgramErrorWords = {
  retryHint: 'Please check your connection, then try again.',
  laterHint: 'Please try again later. If this keeps happening, let the clinic know.',
  retry: 'Try again',
  details: "Details for the site's developer",
  issues: (count) => `The program file has ${count} problem${count === 1 ? '' : 's'} to fix:`,
};

const logged = new WeakSet<Error>();

/**
 * Under an element's calm title: what the participant can do, "Try again" where it may help, and
 * the developer's detail (the message, or each problem with its path) behind a disclosure. The
 * detail also goes to the console, once per error, for the developer who never sees the page.
 * `translated`: the words in the element's language (any left out are English).
 */
export function renderProgramError(error: Error, translated: Partial<ProgramErrorWords> | undefined, retry: () => void): TemplateResult {
  const words = { ...PROGRAM_ERROR_WORDS_EN, ...translated };
  const issues = blockingIssues(error);
  if (!logged.has(error)) {
    logged.add(error);
    console.error(consoleReport(error, issues));
  }
  const retryable = canRetry(error);
  // Only a connection the participant can check earns "check your connection"; a missing file (HTTP 404) is the site's to fix.
  const offline = error instanceof ProgramError && (error.code === 'network' || error.code === 'timeout');
  return html`<p>${offline ? words.retryHint : words.laterHint}</p>
    ${retryable ? html`<button type="button" class="button" part="retry-button" @click=${retry}>${words.retry}</button>` : nothing}
    <details class="error-details" part="error-details">
      <summary>${words.details}</summary>
      <p>${issues.length ? words.issues(issues.length) : shortMessage(error.message)}</p>
      ${issues.length ? renderIssueList(issues) : nothing}
    </details>`;
}

/** Problems written to the console: enough to fix a file, never a wall of thousands of lines. */
const ISSUES_LOGGED = 50;

/** One readable console line per problem, the first ISSUES_LOGGED of them and a count of the rest. */
export function consoleReport(error: Error, issues: readonly ProgramIssue[]): string {
  const lines = issues.slice(0, ISSUES_LOGGED).map((i) => `\n  ${shortMessage(i.path) || '(whole file)'}: ${shortMessage(i.message)}`);
  const more = issues.length - ISSUES_LOGGED;
  return `compassion-kit: ${shortMessage(error.message)}${lines.join('')}${more > 0 ? `\n  … and ${more} more` : ''}`;
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
  /* The browser's own marker stays; padding makes the row a touch target without spacing out wrapped words. */
  .error-details summary {
    cursor: pointer;
    padding-block: var(--_space-2);
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
`;
