import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ProgramController } from '../../controllers/program-controller.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { LocaleController } from '../../locales/locale-controller.js';
import { programErrorStyles } from './program-error.js';
import { SupportDialogController, supportStyles, type SupportStrings } from './support-dialog.js';

/**
 * What every participant-facing element repeats: the program it works on (from the nearest
 * `<compassion-program>`, or its own `src`), where it keeps data, its colour scheme, the support
 * control, and the base styles. Not registered as an element itself.
 */
export abstract class CompassionWidget extends LitElement {
  static override styles = [tokens, base, supportStyles, programErrorStyles];

  protected readonly programCtl = new ProgramController(this);
  protected readonly support = new SupportDialogController(this);
  /** The language and direction (element attributes, else the program's) and that language's catalog. */
  protected readonly locale = new LocaleController(this, () => this.sdk?.content.program);

  /** URL of the program JSON, when the element stands alone (inside `<compassion-program>` it is not needed). */
  @property({ reflect: true }) src: string | null = null;

  /** Standalone only: `indexeddb` (default) keeps data on this device; `memory` only while the page is open. */
  @property({ reflect: true }) storage: StorageMode = 'indexeddb';

  /** Colour scheme: `light`, `dark`, or unset to follow the system (or the provider's `theme`). */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** The SDK object once the program is ready. */
  protected get sdk(): CompassionProgram | undefined {
    return this.programCtl.program;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('storage')) this.programCtl.srcChanged();
    // The support control speaks the element's language; the element's own `strings.support` wins.
    const own = (this as { strings?: { support?: Partial<SupportStrings> } }).strings?.support;
    this.support.speak(this.locale, own);
  }

  /** Also waits for the language's catalog, so a test or a script sees the translated words. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.locale.settled(() => super.getUpdateComplete());
  }
}
