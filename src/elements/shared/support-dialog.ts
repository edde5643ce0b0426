import { ContextConsumer } from '@lit/context';
import { ifDefined } from 'lit/directives/if-defined.js';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { supportContext } from '../../context/support-context.js';
import type { Support, SupportResource } from '../../sdk/content/types.js';
import { DEFAULT_SUPPORT } from '../../sdk/content/defaults.js';
import { resolveContentUrl } from '../../sdk/content/urls.js';
import type { LocaleController } from '../../locales/locale-controller.js';

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
  /** The label of a `mailto:` resource, given the address. */
  email: (address: string) => string;
  website: string;
  newTab: string;
}

export const SUPPORT_STRINGS_EN: SupportStrings = {
  button: 'Need support now?',
  close: 'Close',
  note: 'This program supports, and does not replace, care from a professional.',
  call: (n) => `Call ${n}`,
  text: (n) => `Text ${n}`,
  email: (a) => `Email ${a}`,
  website: 'Visit website',
  newTab: ' (opens in a new tab)',
};

/** A heart outline drawn in the text colour, so the host page's fonts cannot change it as they could a ♡ character. */
export function heartIcon(classes = 'ck-heart'): TemplateResult {
  return html`<svg class=${classes} viewBox="0 0 24 24" width="1.15em" height="1.15em" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round" aria-hidden="true">
    <path d="M12 20 4.6 12.6a4.6 4.6 0 0 1 7.4-5.7 4.6 4.6 0 0 1 7.4 5.7z" />
  </svg>`;
}

/**
 * The "Need support now?" control (C1): a button that opens a modal dialog listing the clinic's
 * crisis resources. It opens at once, online or not: the resources are in the element's own
 * code, and only the intro's markdown renderer loads later.
 *
 * Inside a `<compassion-program>` that holds two or more elements, the provider shows one control
 * for all of them (`shownElsewhere`), and `renderButton()` renders nothing; the dialog still
 * renders, so an element can keep a control of its own where it needs one (`open()`).
 */
export class SupportDialogController implements ReactiveController {
  private opener: HTMLElement | null = null;
  private readonly placement: ContextConsumer<typeof supportContext, ReactiveControllerHost & HTMLElement>;
  /** Replace to translate the control. */
  strings: SupportStrings = SUPPORT_STRINGS_EN;
  /**
   * The host's language: its `lang` and `dir` (the dialog sits in the top layer, outside the
   * host's wrapper) and its catalog's generic resources, for a program that gives none.
   */
  private locale: LocaleController | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    // Updates the host whenever the provider's answer changes.
    this.placement = new ContextConsumer(host, { context: supportContext, subscribe: true });
  }

  /**
   * True while the enclosing `<compassion-program>` shows the support control for this element
   * (it holds two or more elements); `renderButton()` then renders nothing.
   */
  get shownElsewhere(): boolean {
    return !!this.placement.value;
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

  /** Speaks the host's language: its catalog's words (the host's `own` win), direction and generic resources. */
  speak(locale: LocaleController, own?: Partial<SupportStrings>): void {
    this.locale = locale;
    this.strings = { ...SUPPORT_STRINGS_EN, ...locale.catalog.support, ...own };
  }

  /** Opens the dialog; focus returns to `opener` (by default the focused element) when it closes. */
  open(opener?: HTMLElement | null): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    if (!markdown) void loadMarkdown().then(() => this.host.requestUpdate());
    this.opener = opener ?? (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('h2')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  /** The button; put it in the element's header, at the inline end. Nothing while `shownElsewhere`. */
  renderButton(): TemplateResult | typeof nothing {
    return this.shownElsewhere
      ? nothing
      : html`<button type="button" class="ck-support-button" part="support-button" aria-haspopup="dialog" @click=${() => this.open()}>
          ${heartIcon()} <span dir="auto">${this.strings.button}</span>
        </button>`;
  }

  /**
   * The dialog; render it once anywhere in the shadow root. The header (title, Close) stays put
   * while the rest scrolls; the first resource is the urgent one and comes first.
   */
  renderDialog(support: Support | undefined, baseUrl?: string): TemplateResult {
    const s = support ?? this.locale?.catalog.defaultSupport ?? DEFAULT_SUPPORT;
    const list = (resources: SupportResource[]) => html`<ul class="ck-support-list">${resources.map((r) => resource(r, this.strings, baseUrl))}</ul>`;
    // A click whose target is the dialog itself landed on its backdrop (the header and body fill
    // the dialog, which has no padding): it closes, as Escape does from the keyboard.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog
      class="ck-support"
      part="support-dialog"
      lang=${ifDefined(this.locale?.lang)}
      dir=${ifDefined(this.locale?.dir)}
      aria-labelledby="ck-support-title"
      @close=${() => this.restoreFocus()}
      @click=${(e: Event) => e.target === e.currentTarget && this.close()}
    >
      <form method="dialog" class="ck-support-head">
        <h2 id="ck-support-title" tabindex="-1" dir="auto">${support?.title ?? this.strings.button}</h2>
        <button class="button quiet" value="close">${this.strings.close}</button>
      </form>
      <div class="ck-support-body">
        ${list(s.resources.slice(0, 1))}
        ${markdown ? markdown.renderMarkdown(s.intro, { headingLevel: 3, baseUrl }) : s.intro ? html`<p dir="auto" class="ck-support-intro">${s.intro}</p>` : ''}
        ${list(s.resources.slice(1))}
        <p class="ck-support-note">${this.strings.note}</p>
      </div>
    </dialog>`;
  }

  private restoreFocus(): void {
    const opener = this.opener ?? this.host.shadowRoot?.querySelector<HTMLElement>('.ck-support-button');
    opener?.focus();
    this.opener = null;
  }
}

// Calling is the first thing a person in crisis may need: a number is the filled, primary action;
// texting and email come second; a website is a plain link that says it opens a new tab.
function resource(r: SupportResource, t: SupportStrings, baseUrl?: string): TemplateResult {
  const url = r.url ? resolveContentUrl(r.url, baseUrl) : undefined;
  const digits = (n: string) => n.replace(/[^+0-9]/g, '');
  const call = (href: string, n: string) => html`<a class="button primary" href=${href} dir="auto">${t.call(n)}</a>`;
  // A tel: or mailto: URL is labelled with its number or address as written, not "Visit website".
  const [, scheme, address = ''] = (url && /^(tel|mailto):([^?]*)/.exec(r.url!.trim())) || [];
  return html`<li>
    <strong>${r.label}</strong>${r.region ? html` <span class="ck-support-region">(${r.region})</span>` : ''}
    ${r.description ? html`<div>${r.description}</div>` : ''}
    <div class="ck-support-actions">
      ${r.phone ? call(`tel:${digits(r.phone)}`, r.phone) : ''}
      ${r.text ? html`<a class="button" href=${`sms:${digits(r.text)}`} dir="auto">${t.text(r.text)}</a>` : ''}
      ${scheme === 'tel'
        ? call(url!, address)
        : scheme
          ? html`<a class="button" href=${url} dir="auto">${t.email(address)}</a>`
          : url
            ? html`<a class="button" href=${url} target="_blank" rel="noopener noreferrer">${t.website}${t.newTab}</a>`
            : ''}
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
  .ck-heart {
    flex: none;
  }
  /*
   * Fits a 320 x 568 phone: a modal dialog is at most the viewport less about 2em each way and
   * scrolls inside (the browser's own rules); its header sticks, so Close never scrolls away.
   */
  dialog.ck-support {
    inline-size: 576px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-lg);
    padding: 0;
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  dialog.ck-support::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .ck-support-head {
    position: sticky;
    top: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-1);
    padding-inline-start: var(--_space-4);
    border-block-end: 1px solid var(--_color-border);
    background: inherit;
  }
  .ck-support-head h2 {
    margin: 0;
    font-size: var(--_font-size-lg);
  }
  dialog.ck-support h2:focus {
    outline: none;
  }
  .ck-support-body {
    padding: var(--_space-4);
  }
  .ck-support-list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space-4);
    display: grid;
    gap: var(--_space-4);
  }
  /* The urgent resource: the first list, before the intro. */
  .ck-support-body > ul:first-child > li {
    padding: var(--_space-3);
    border-radius: var(--_radius-md);
    background: var(--_color-danger-soft);
  }
  .ck-support-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
  }
  .ck-support-note {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
`;
