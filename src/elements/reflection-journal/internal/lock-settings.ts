import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES, type JournalLock } from '../../sdk/crypto/journal-lock.js';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, type StrengthHint } from '../../sdk/crypto/strength.js';
import { CompassionKitError } from '../../sdk/errors.js';
import { JournalLockEvent, type JournalLockDetail } from './events.js';

export interface LockPanelHost extends ReactiveControllerHost, HTMLElement {
  /** The program's lock, once the program is ready. */
  readonly journalLock: JournalLock | undefined;
  readonly programId: string | undefined;
  announce(text: string): void;
}

type Form = 'unlock' | 'enable' | 'change' | 'disable' | 'autolock' | 'lock';

/** The passphrase lock's forms: set up, unlock, lock now, auto-lock, change passphrase, turn off. */
export class LockPanel implements ReactiveController {
  private busy: Form | undefined;
  private error: { form: Form; message: string } | undefined;
  private strength: { form: Form; hint: StrengthHint } | undefined;

  constructor(private readonly host: LockPanelHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Locks now (header button). Unsaved text is saved first; if it cannot be, the journal stays open. */
  async lockNow(action: 'lock' | 'auto-lock' = 'lock'): Promise<void> {
    await this.run('lock', async (lock) => {
      await lock.lock();
      this.host.announce('Your journal is locked.');
      this.fire(action, 'locked');
    });
  }

  /** The passphrase form; `heading` is its heading's tag (an embedded entry's outline starts deeper). */
  renderUnlock(heading: StaticValue = literal`h3`): TemplateResult {
    const error = this.errorFor('unlock');
    return staticHtml`<form class="unlock panel" part="unlock-form" @submit=${this.onUnlock} novalidate>
      <${heading} class="view-title" tabindex="-1">Your journal is locked</${heading}>
      <p>Enter your passphrase to read and write your entries.</p>
      <div class="field">
        <label for="unlock-passphrase">Passphrase</label>
        <input id="unlock-passphrase" name="passphrase" type="password" autocomplete="current-password" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'unlock-error' : undefined)} />
      </div>
      ${error ? html`<p id="unlock-error" class="error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button class="button primary" ?disabled=${this.busy === 'unlock'}>${this.busy === 'unlock' ? 'Unlocking…' : 'Unlock'}</button>
      </div>
      <p class="help">
        Forgotten it? Nobody can open the entries without it, not even your clinic. You can still save an encrypted backup, or erase the journal on this device and
        start again, under “Backup and import”.
      </p>
    </form>`;
  }

  /** The "Privacy lock" view for the lock's current state. */
  renderSettings(state: JournalLock['state'], autoLockMinutes: number | null): TemplateResult {
    if (state === 'locked') return this.renderUnlock();
    if (state === 'unknown') return html`<p role="status">Checking the lock…</p>`;
    return state === 'off' ? this.renderSetup() : this.renderManage(autoLockMinutes);
  }

  private renderSetup(): TemplateResult {
    const error = this.errorFor('enable');
    return html`<section class="panel" aria-labelledby="lock-title">
      <h3 id="lock-title" class="view-title" tabindex="-1">Passphrase lock</h3>
      <p>
        With the lock on, your entries are encrypted on this device. Anyone else using this browser, and any script on this website, sees only scrambled data
        until you unlock the journal with your passphrase.
      </p>
      <p class="notice" part="lock-warning">
        <strong>If you forget your passphrase, your entries are lost.</strong> Nobody can reset it or recover them: not your clinic, not the makers of this
        journal. Keep it somewhere safe, away from this device.
      </p>
      <form @submit=${this.onEnable} novalidate>
        ${this.passphraseInputs('enable', 'New passphrase')}
        ${this.autoLockSelect('enable-autolock', DEFAULT_AUTO_LOCK_MINUTES)}
        <div class="check">
          <input id="enable-ack" name="ack" type="checkbox" />
          <label for="enable-ack">I understand that if I forget my passphrase, my entries cannot be recovered.</label>
        </div>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
        ${this.busy === 'enable' ? html`<p role="status">Encrypting your entries…</p>` : nothing}
        <div class="actions"><button class="button primary" ?disabled=${this.busy === 'enable'}>Turn on the lock</button></div>
      </form>
    </section>`;
  }

  private renderManage(autoLockMinutes: number | null): TemplateResult {
    const changeError = this.errorFor('change');
    const disableError = this.errorFor('disable');
    const lockError = this.errorFor('lock') ?? this.errorFor('autolock');
    return html`<section class="panel" aria-labelledby="lock-title">
      <h3 id="lock-title" class="view-title" tabindex="-1">Passphrase lock is on</h3>
      <p>Your entries are encrypted on this device. They open only with your passphrase, and only while the journal is unlocked.</p>
      ${lockError ? html`<p class="error" role="alert">${lockError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button primary" ?disabled=${this.busy === 'lock'} @click=${() => this.lockNow()}>Lock now</button>
      </div>
      <div class="field">
        <label for="manage-autolock">Lock automatically after</label>
        <select id="manage-autolock" @change=${this.onAutoLock}>
          ${AUTO_LOCK_CHOICES.map((m) => html`<option value=${m ?? 'never'} ?selected=${m === autoLockMinutes}>${autoLockLabel(m)}</option>`)}
        </select>
      </div>

      <h4>Change passphrase</h4>
      <p class="help">Your entries are not re-encrypted: only the key that opens them is locked again under the new passphrase.</p>
      <form @submit=${this.onChange} novalidate>
        <div class="field">
          <label for="change-current">Current passphrase</label>
          <input id="change-current" name="current" type="password" autocomplete="current-password" />
        </div>
        ${this.passphraseInputs('change', 'New passphrase')}
        ${changeError ? html`<p class="error" role="alert">${changeError}</p>` : nothing}
        <div class="actions"><button class="button" ?disabled=${this.busy === 'change'}>${this.busy === 'change' ? 'Changing…' : 'Change passphrase'}</button></div>
      </form>

      <h4>Turn the lock off</h4>
      <p class="help">Your entries will be stored unencrypted on this device again.</p>
      <form @submit=${this.onDisable} novalidate>
        <div class="field">
          <label for="disable-passphrase">Passphrase</label>
          <input id="disable-passphrase" name="passphrase" type="password" autocomplete="current-password" />
        </div>
        ${disableError ? html`<p class="error" role="alert">${disableError}</p>` : nothing}
        ${this.busy === 'disable' ? html`<p role="status">Decrypting your entries…</p>` : nothing}
        <div class="actions"><button class="button" ?disabled=${this.busy === 'disable'}>Turn the lock off</button></div>
      </form>
    </section>`;
  }

  private passphraseInputs(form: Form, label: string): TemplateResult {
    const hint = this.strength?.form === form ? this.strength.hint : undefined;
    return html`<div class="field">
        <label for=${`${form}-passphrase`}>${label}</label>
        <input
          id=${`${form}-passphrase`}
          name="passphrase"
          type="password"
          autocomplete="new-password"
          minlength=${MIN_PASSPHRASE_LENGTH}
          aria-describedby=${`${form}-strength`}
          @input=${(e: Event) => this.onStrength(form, (e.target as HTMLInputElement).value)}
        />
        <p id=${`${form}-strength`} class="help strength" data-level=${hint?.level ?? 'none'} role="status">
          ${hint ? html`<strong>Strength: ${hint.label}.</strong> ${hint.advice}` : `At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`}
        </p>
      </div>
      <div class="field">
        <label for=${`${form}-confirm`}>Type the new passphrase again</label>
        <input id=${`${form}-confirm`} name="confirm" type="password" autocomplete="new-password" />
      </div>`;
  }

  private autoLockSelect(id: string, selected: number | null): TemplateResult {
    return html`<div class="field">
      <label for=${id}>Lock automatically after</label>
      <select id=${id} name="autolock">
        ${AUTO_LOCK_CHOICES.map((m) => html`<option value=${m ?? 'never'} ?selected=${m === selected}>${autoLockLabel(m)}</option>`)}
      </select>
    </div>`;
  }

  private onStrength(form: Form, value: string): void {
    this.strength = value ? { form, hint: passphraseStrength(value) } : undefined;
    this.host.requestUpdate();
  }

  private readonly onUnlock = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = value(form, 'passphrase');
    if (!passphrase) return this.setError('unlock', 'Enter your passphrase.');
    void this.run('unlock', async (lock) => {
      await lock.unlock(passphrase);
      form.reset();
      this.host.announce('Your journal is unlocked.');
      this.fire('unlock', 'unlocked');
    }, () => form.querySelector('input')?.select());
  };

  private readonly onEnable = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = value(form, 'passphrase');
    const problem = newPassphraseProblem(passphrase, value(form, 'confirm'));
    if (problem) return this.setError('enable', problem);
    if (!(form.elements.namedItem('ack') as HTMLInputElement).checked) {
      return this.setError('enable', 'Please confirm that you understand a forgotten passphrase cannot be recovered.');
    }
    const minutes = autoLockValue(value(form, 'autolock'));
    void this.run('enable', async (lock) => {
      await lock.enable(passphrase, { autoLockMinutes: minutes });
      form.reset();
      this.strength = undefined;
      this.host.announce('The lock is on. Your entries are encrypted on this device.');
      this.fire('enable', 'unlocked');
    });
  };

  private readonly onChange = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const current = value(form, 'current');
    const passphrase = value(form, 'passphrase');
    if (!current) return this.setError('change', 'Enter your current passphrase.');
    const problem = newPassphraseProblem(passphrase, value(form, 'confirm'));
    if (problem) return this.setError('change', problem);
    void this.run('change', async (lock) => {
      await lock.changePassphrase(current, passphrase);
      form.reset();
      this.strength = undefined;
      this.host.announce('Your passphrase is changed. Use the new one from now on.');
      this.fire('change-passphrase', 'unlocked');
    });
  };

  private readonly onDisable = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = value(form, 'passphrase');
    if (!passphrase) return this.setError('disable', 'Enter your passphrase to turn the lock off.');
    void this.run('disable', async (lock) => {
      await lock.disable(passphrase);
      form.reset();
      this.host.announce('The lock is off. Your entries are stored unencrypted on this device.');
      this.fire('disable', 'off');
    });
  };

  private readonly onAutoLock = (e: Event) => {
    const minutes = autoLockValue((e.target as HTMLSelectElement).value);
    void this.run('autolock', async (lock) => {
      await lock.setAutoLock(minutes);
      this.host.announce(minutes === null ? 'The journal will not lock itself.' : `The journal will lock itself after ${autoLockLabel(minutes)} without activity.`);
    });
  };

  private async run(form: Form, work: (lock: JournalLock) => Promise<void>, onError?: () => void): Promise<void> {
    const lock = this.host.journalLock;
    if (!lock || this.busy) return;
    this.busy = form;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      await work(lock);
    } catch (error) {
      this.error = { form, message: error instanceof CompassionKitError || error instanceof Error ? error.message : String(error) };
      await this.host.updateComplete;
      onError?.();
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  private setError(form: Form, message: string): void {
    this.error = { form, message };
    this.host.requestUpdate();
  }

  private errorFor(form: Form): string | undefined {
    return this.error?.form === form ? this.error.message : undefined;
  }

  private fire(action: JournalLockDetail['action'], state: JournalLockDetail['state']): void {
    this.host.dispatchEvent(new JournalLockEvent({ programId: this.host.programId ?? '', state, action }));
  }
}

function value(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return el?.value ?? '';
}

function newPassphraseProblem(passphrase: string, confirm: string): string | undefined {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirm) return 'The two passphrases are not the same. Type them again.';
  return undefined;
}

function autoLockValue(v: string): number | null {
  return v === 'never' ? null : Number(v);
}

export function autoLockLabel(minutes: number | null): string {
  if (minutes === null) return 'Never';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
