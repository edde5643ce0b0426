import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Support, SupportResource } from '../../sdk/content/types.js';
import { DEFAULT_SUPPORT } from '../../sdk/content/defaults.js';
import { resolveContentUrl } from '../../sdk/content/urls.js';

// The intro is the program's markdown. Its renderer is shared with the course but not needed by a
// player or journal page to show: it loads once the element has rendered, well before anyone is
// likely to open the dialog. Until it has (or if it cannot, offline), the intro shows as plain text.
let markdown: typeof import('./markdown.js') | undefined;
let loadingMarkdown: Promise<unknown> | undefined;
function loadMarkdown(): Promise<unknown> {
  loadingMarkdown ??= import('./markdown.js').then(
    (m) => (markdown = m),
    () => (loadingMarkdown = undefined),
  );
  return loadingMarkdown;
}

/** Words the support control shows; pass translations for other languages. */
export interface SupportStrings {
  button: string;
  close: string;
  note: string;
  call: (number: string) => string;
  text: (number: string) => string;
  website: string;
  newTab: string;
}

export const SUPPORT_STRINGS_EN: SupportStrings = {
  button: 'Need support now?',
  close: 'Close',
  note: 'This program supports, and does not replace, care from a professional.',
  call: (n) => `Call ${n}`,
  text: (n) => `Text ${n}`,
  website: 'Visit website',
  newTab: ' (opens in a new tab)',
};

/**
 * The "Need support now?" control every element shows in the same place (C1): a button that
 * opens a modal dialog listing the clinic's crisis resources. It opens at once, online or not: the
 * resources are in the element's own code, and only the intro's markdown renderer loads later.
 */
export class SupportDialogController implements ReactiveController {
  private opener: HTMLElement | null = null;
  /** Replace to translate the control. */
  strings: SupportStrings = SUPPORT_STRINGS_EN;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.querySelector('dialog.ck-support') ?? null;
  }

  hostConnected(): void {
    if (markdown) return;
    const later = (globalThis as { requestIdleCallback?: (run: () => void, options?: { timeout: number }) => void }).requestIdleCallback;
    const load = () => void loadMarkdown().then(() => this.host.requestUpdate());
    if (later) later(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  open(): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    if (!markdown) void loadMarkdown().then(() => this.host.requestUpdate());
    this.opener = (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('h2')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  /** The button; put it in the element's header, at the inline end. */
  renderButton(): TemplateResult {
    return html`<button type="button" class="ck-support-button" part="support-button" aria-haspopup="dialog" @click=${() => this.open()}>
      <span aria-hidden="true">♡</span> <span dir="auto">${this.strings.button}</span>
    </button>`;
  }

  /** The dialog; render it once anywhere in the shadow root. */
  renderDialog(support: Support | undefined, baseUrl?: string): TemplateResult {
    const s = support ?? DEFAULT_SUPPORT;
    return html`<dialog class="ck-support" part="support-dialog" aria-labelledby="ck-support-title" @close=${() => this.restoreFocus()}>
      <h2 id="ck-support-title" tabindex="-1" dir="auto">${s.title ?? this.strings.button}</h2>
      ${markdown ? markdown.renderMarkdown(s.intro, { headingLevel: 3, baseUrl }) : s.intro ? html`<p dir="auto" class="ck-support-intro">${s.intro}</p>` : ''}
      <ul class="ck-support-list">
        ${s.resources.map((r) => resource(r, this.strings, baseUrl))}
      </ul>
      <p class="ck-support-note">${this.strings.note}</p>
      <form method="dialog"><button class="button primary" value="close">${this.strings.close}</button></form>
    </dialog>`;
  }

  private restoreFocus(): void {
    const opener = this.opener ?? this.host.shadowRoot?.querySelector<HTMLElement>('.ck-support-button');
    opener?.focus();
    this.opener = null;
  }
}

function resource(r: SupportResource, t: SupportStrings, baseUrl?: string): TemplateResult {
  const url = r.url ? resolveContentUrl(r.url, baseUrl) : undefined;
  const digits = (n: string) => n.replace(/[^+0-9]/g, '');
  return html`<li>
    <strong>${r.label}</strong>${r.region ? html` <span class="ck-support-region">(${r.region})</span>` : ''}
    ${r.description ? html`<div>${r.description}</div>` : ''}
    <div class="ck-support-actions">
      ${r.phone ? html`<a class="button" href=${`tel:${digits(r.phone)}`} dir="auto">${t.call(r.phone)}</a>` : ''}
      ${r.text ? html`<a class="button" href=${`sms:${digits(r.text)}`} dir="auto">${t.text(r.text)}</a>` : ''}
      ${url ? html`<a class="button" href=${url} target="_blank" rel="noopener noreferrer">${t.website}<span class="visually-hidden">${t.newTab}</span></a>` : ''}
    </div>
  </li>`;
}

export const supportStyles = css`
  .ck-support-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-block-size: var(--_target-size);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_color-danger);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface);
    color: var(--_color-danger);
    font: inherit;
    font-size: var(--_font-size-sm);
    font-weight: 600;
    cursor: pointer;
  }
  .ck-support-button:hover {
    background: var(--_color-danger-soft);
  }
  dialog.ck-support {
    max-inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-lg);
    padding: var(--_space-5);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-family: var(--_font-family);
    line-height: var(--_line-height);
  }
  dialog.ck-support::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog.ck-support h2:focus {
    outline: none;
  }
  .ck-support-list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space-4);
    display: grid;
    gap: var(--_space-4);
  }
  .ck-support-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
  }
  .ck-support-note {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
`;
