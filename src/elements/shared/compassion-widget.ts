import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ProgramController } from '../../controllers/program-controller.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { programErrorStyles } from './program-error.js';
import { SupportDialogController, supportStyles } from './support-dialog.js';

/**
 * What every participant-facing element repeats: the program it works on (from the nearest
 * `<compassion-program>`, or its own `src`), where it keeps data, its colour scheme, the support
 * control, and the base styles. Not registered as an element itself.
 */
export abstract class CompassionWidget extends LitElement {
  static override styles = [tokens, base, supportStyles, programErrorStyles];

  protected readonly programCtl = new ProgramController(this);
  protected readonly support = new SupportDialogController(this);

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
  }
}
