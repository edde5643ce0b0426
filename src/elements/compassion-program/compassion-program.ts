import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { programContext, type ProgramState } from '../../context/program-context.js';
import { keepRecordingsContext } from '../../context/keep-context.js';
import { supportContext } from '../../context/support-context.js';
import { ProgramError } from '../../sdk/errors.js';
import { ProgramReadyEvent, CompassionErrorEvent } from '../../sdk/events.js';
import { openProgram, sharedProgram, type CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import { base } from '../../styles/shared.js';
import { COURSE_TAG, JOURNAL_TAG, PLAYER_TAG, PRACTICE_LOG_TAG } from '../../tags.js';
import { programErrorStyles, renderProgramError } from '../shared/program-error.js';
import { SupportDialogController, supportStyles, type SupportStrings } from '../shared/support-dialog.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './compassion-program.styles.js';
import { LocaleController } from '../../locales/locale-controller.js';
import { PROVIDER_STRINGS_EN } from './strings.js';

// The elements that show a support button of their own when alone.
const WIDGETS = [COURSE_TAG, PLAYER_TAG, JOURNAL_TAG, PRACTICE_LOG_TAG].join();

/**
 * Loads a program and opens the participant's storage for it, then shares both with every
 * compassion-kit element inside it.
 *
 * @tag compassion-program
 * @summary Provides one program and one store to the elements inside it.
 *
 * @slot - The compassion-kit elements (and any other content) that use this program.
 *
 * When it holds two or more compassion-kit elements (`<compassion-course>`, `<meditation-player>`,
 * `<reflection-journal>`, `<practice-log>`, at any depth of its light DOM), it shows one "Need support now?" button
 * above them all and they show none of their own; an element alone in its provider keeps its own
 * (docs/theming.md, "The support control"). Elements the course embeds in its weeks are not counted.
 *
 * @csspart status - The error message above the content; while loading, a line announced to screen readers only (each element shows its own loading state in the space it reserves, so nothing jumps when loading ends).
 * @csspart error-details - The disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart error-list - The list of validation problems, each with its JSON path.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart support - The row above the content holding the shared support button (only with two or more elements).
 * @csspart support-button - The shared "Need support now?" button.
 * @csspart support-dialog - The dialog listing the clinic's crisis and support resources.
 *
 * @cssprop --compassion-program-gap - Space between the status message, the support row and the content.
 *
 * @fires {ProgramReadyEvent} ck-program-ready - The program loaded and storage opened. `detail: { programId, storage, warnings }`.
 * @fires {CompassionErrorEvent} ck-error - The program could not be loaded or is invalid. `detail: { code, message, source: 'program' }`.
 * @fires {StorageStatusEvent} ck-storage-status - Re-dispatched from the SDK: storage mode, persistence or blocked state changed.
 */
export class CompassionProgramElement extends LitElement {
  static override styles = [tokens, base, programErrorStyles, supportStyles, styles];

  private readonly provider = new ContextProvider(this, { context: programContext, initialValue: { status: 'loading' } });
  private readonly supportShared = new ContextProvider(this, { context: supportContext, initialValue: false });
  private readonly support = new SupportDialogController(this);
  // Inside the provider, elements find its `lang` and `dir` attributes themselves (locale-controller.ts).
  private readonly locale = new LocaleController(this, () => this.sdk?.content.program);
  private ownSupportStrings: Partial<SupportStrings> = {};
  private readonly keepAllowed = new ContextProvider(this, { context: keepRecordingsContext, initialValue: true });
  private loadId = 0;
  private unlisten: (() => void) | undefined;

  /** URL of the program JSON. Relative URLs inside the program resolve against it. */
  @property({ reflect: true }) src: string | null = null;

  /** A program object, instead of `src`. */
  @property({ attribute: false }) program: unknown;

  /** `indexeddb` (default) keeps entries on this device; `memory` keeps them only while the page is open. */
  @property({ reflect: true }) storage: StorageMode = 'indexeddb';

  /** `off` hides the players' "Keep on this device" control: nothing is then written to Cache Storage. */
  @property({ attribute: 'keep-recordings' }) keepRecordings: 'on' | 'off' = 'on';

  /** Colour scheme: `light`, `dark`, or unset to follow the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  constructor() {
    super();
    // Each element inside asks for the program through context when it connects, and so does this
    // element's own support control when this one does: count at each.
    this.addEventListener('context-request', () => this.countWidgets());
  }

  /** Translations of the shared support button and dialog; English by default. */
  get supportStrings(): Partial<SupportStrings> {
    return this.support.strings;
  }
  set supportStrings(strings: Partial<SupportStrings>) {
    this.ownSupportStrings = strings;
    this.requestUpdate();
  }

  /** The opened SDK object once ready (read-only). */
  get sdk(): CompassionProgram | undefined {
    const v = this.provider.value;
    return v.status === 'ready' ? v.program : undefined;
  }

  /** The current state: loading, ready (with the SDK) or error. */
  get state(): ProgramState {
    return this.provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('program') || changed.has('storage')) void this.load();
    this.keepAllowed.setValue(this.keepRecordings !== 'off');
    this.support.speak(this.locale, this.ownSupportStrings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
    this.unlisten = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const sdk = this.sdk;
    if (sdk && !this.unlisten) this.listen(sdk);
  }

  /** Also waits for the language's catalog, so a script sees the translated words. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.locale.settled(() => super.getUpdateComplete());
  }

  /** Loads the program again (e.g. after a network failure). */
  async reload(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    const id = ++this.loadId;
    const inline = this.src === null && this.program === undefined ? this.inlineProgram() : undefined;
    if (this.src === null && this.program === undefined && inline === undefined) {
      // Parsed before its children (a script that defines it early): look again once they are there.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => id === this.loadId && void this.load(), { once: true });
        return;
      }
      this.setState({ status: 'error', error: new ProgramError('invalid-program', '<compassion-program> needs a src attribute (the program file\'s URL), a program property, or the program\'s JSON in a <script type="application/json"> inside it.') });
      return;
    }
    this.setState({ status: 'loading' });
    try {
      const sdk = inline !== undefined
        ? await openProgram({ text: inline, storage: this.storage })
        : this.program !== undefined
          ? await openProgram({ program: this.program, storage: this.storage, ...(this.src ? { url: this.src } : {}) })
          : await sharedProgram(this.src!, this.storage);
      if (id !== this.loadId) return;
      this.listen(sdk);
      this.setState({ status: 'ready', program: sdk });
      this.dispatchEvent(new ProgramReadyEvent({ programId: sdk.id, storage: sdk.storage.mode, warnings: sdk.content.warnings.length }));
    } catch (error) {
      if (id !== this.loadId) return;
      const e = error instanceof Error ? error : new Error(String(error));
      this.setState({ status: 'error', error: e });
      this.dispatchEvent(new CompassionErrorEvent({ code: e instanceof ProgramError ? e.code : 'unknown', message: e.message, source: 'program' }));
    }
  }

  /** The text of a `<script type="application/json">` child: a program given inline, for hosts that cannot serve a JSON file. */
  private inlineProgram(): string | undefined {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
  }

  private listen(sdk: CompassionProgram): void {
    this.unlisten?.();
    // The SDK is shared by the whole page; storage status also reaches the host page from here.
    const forward = (e: Event) => this.dispatchEvent(new (e.constructor as new (d: unknown) => Event)((e as CustomEvent).detail));
    sdk.addEventListener('ck-storage-status', forward);
    this.unlisten = () => sdk.removeEventListener('ck-storage-status', forward);
  }

  // Counted from the page's markup, so the decision holds from the first paint: elements whose
  // code has not arrived yet count too, and nothing appears or vanishes when it does. An element
  // that leaves is not uncounted until another connects: the one control stays where it was.
  private countWidgets(): void {
    this.supportShared.setValue(this.querySelectorAll(WIDGETS).length > 1);
    this.requestUpdate();
  }

  private setState(state: ProgramState): void {
    this.provider.setValue(state);
    this.requestUpdate();
  }

  protected override render() {
    const state = this.provider.value;
    const sdk = this.sdk;
    return html`${this.supportShared.value
        ? html`<div class="support" part="support" lang=${this.locale.lang} dir=${ifDefined(this.locale.dir)}>${this.support.renderButton()}</div>${this.support.renderDialog(sdk?.content.support, sdk?.content.url)}`
        : nothing}${this.renderStatus(state)}<slot></slot>`;
  }

  private renderStatus(state: ProgramState) {
    const { catalog, lang, dir } = this.locale;
    const t = { ...PROVIDER_STRINGS_EN, ...catalog.provider };
    if (state.status === 'loading') {
      return html`<p class="loading visually-hidden" part="status" role="status" lang=${lang}>${t.loading}</p>`;
    }
    if (state.status === 'error') {
      return html`<div class="error" part="status" role="alert" lang=${lang} dir=${ifDefined(dir)}>
        <h2 class="error-title">${t.errorTitle}</h2>
        ${renderProgramError(state.error, catalog.programError, () => void this.reload())}
      </div>`;
    }
    return nothing;
  }
}
