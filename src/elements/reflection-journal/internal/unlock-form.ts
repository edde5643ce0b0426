import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { JournalLock } from '../../../sdk/crypto/journal-lock.js';
import { CompassionKitError } from '../../../sdk/errors.js';
import { JournalLockEvent, type JournalLockDetail } from '../events.js';
import type { Formats } from './platform.js';
import { EN_UNLOCK_STRINGS } from './en-unlock-strings.js';

/** What the lock's forms need from the journal. */
export interface LockPort {
  /** Whether the program is ready (the lock can be used). */
  readonly ready: boolean;
  /** The program's lock, its code loaded first (a typed error when that fails). */
  lock(): Promise<JournalLock | undefined>;
  readonly programId: string;
  readonly updateComplete: Promise<unknown>;
  /** The journal's language (its words). */
  readonly formats: Formats;
  announce(text: string): void;
  requestUpdate(): void;
  fire(event: Event): void;
}

export type LockForm = 'unlock' | 'enable' | 'change' | 'disable' | 'autolock' | 'lock';

/**
 * The unlock form, "Lock now", and the busy and error state every lock form shares. Loaded with
 * the lock's code, once a lock record exists (a journal without a lock never needs it); the
 * settings forms load with the "Privacy lock" view.
 */
export class LockActions {
  busy: LockForm | undefined;
  private error: { form: LockForm; message: string } | undefined;

  constructor(readonly port: LockPort) {}

  private get t(): typeof EN_UNLOCK_STRINGS {
    return this.port.formats.t(EN_UNLOCK_STRINGS);
  }

  private readonly onUnlock = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = formValue(form, 'passphrase');
    if (!passphrase) return this.setError('unlock', this.t.enterPassphrase);
    void this.run(
      'unlock',
      async (lock) => {
        await lock.unlock(passphrase);
        form.reset();
        this.port.announce(this.t.unlocked);
        this.fire('unlock', 'unlocked');
      },
      () => form.querySelector('input')?.select(),
    );
  };

  /** Locks now (header button). Unsaved text is saved first; if it cannot be, the journal stays open. */
  async lockNow(action: 'lock' | 'auto-lock' = 'lock'): Promise<void> {
    await this.run('lock', async (lock) => {
      await lock.lock();
      this.port.announce(this.t.locked);
      this.fire(action, 'locked');
    });
  }

  /** The passphrase form; `heading` is its heading's tag (an embedded entry's outline starts deeper). */
  renderUnlock(heading: StaticValue = literal`h3`): TemplateResult {
    const error = this.errorFor('unlock');
    const t = this.t;
    return staticHtml`<form class="unlock panel" part="unlock-form" @submit=${this.onUnlock} novalidate>
      <${heading} class="view-title" tabindex="-1">${t.lockedTitle}</${heading}>
      <p>${t.lockedBody}</p>
      <div class="field">
        <label for="unlock-passphrase">${t.passphrase}</label>
        <input id="unlock-passphrase" name="passphrase" type="password" autocomplete="current-password" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'unlock-error' : undefined)} />
      </div>
      ${error ? html`<p id="unlock-error" class="error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button class="button primary" ?disabled=${this.busy === 'unlock'}>${this.busy === 'unlock' ? t.unlocking : t.unlock}</button>
      </div>
      <p class="help">${t.forgotten}</p>
    </form>`;
  }

  /** Runs one lock action: one at a time, its error shown beside its form. */
  async run(form: LockForm, work: (lock: JournalLock) => Promise<void>, onError?: () => void): Promise<void> {
    if (!this.port.ready || this.busy) return;
    this.busy = form;
    this.error = undefined;
    this.port.requestUpdate();
    try {
      const lock = await this.port.lock();
      if (lock) await work(lock);
    } catch (error) {
      this.error = { form, message: error instanceof CompassionKitError || error instanceof Error ? error.message : String(error) };
      await this.port.updateComplete;
      onError?.();
    } finally {
      this.busy = undefined;
      this.port.requestUpdate();
    }
  }

  setError(form: LockForm, message: string): void {
    this.error = { form, message };
    this.port.requestUpdate();
  }

  errorFor(form: LockForm): string | undefined {
    return this.error?.form === form ? this.error.message : undefined;
  }

  fire(action: JournalLockDetail['action'], state: JournalLockDetail['state']): void {
    this.port.fire(new JournalLockEvent({ programId: this.port.programId, state, action }));
  }
}

/** A named control's value in a form ('' when it is missing). */
export function formValue(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return el?.value ?? '';
}
