import { css, html, nothing, type TemplateResult } from 'lit';
import { AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES, type JournalLock, type LockStatus } from '../../../sdk/crypto/journal-lock.js';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, type StrengthHint } from '../../../sdk/crypto/strength.js';
import { formValue, type LockActions, type LockForm } from './unlock-form.js';
import { panelStyles } from './view.styles.js';

/**
 * The "Privacy lock" view, loaded on first use: set up the lock, lock now, auto-lock, change the
 * passphrase, turn it off. Busy and error state are shared with the eager unlock form.
 */
export class LockSettings {
  private strength: { form: LockForm; hint: StrengthHint } | undefined;
  private work: LockStatus['work'];

  constructor(private readonly actions: LockActions) {}

  /** The "Privacy lock" view for the lock's current state. */
  renderSettings(state: JournalLock['state'], autoLockMinutes: number | null, work?: LockStatus['work']): TemplateResult {
    this.work = work;
    if (state === 'locked') return this.actions.renderUnlock();
    if (state === 'unknown') return html`<p role="status">Checking the lock…</p>`;
    return state === 'off' ? this.renderSetup() : this.renderManage(autoLockMinutes);
  }

  private renderSetup(): TemplateResult {
    const error = this.actions.errorFor('enable');
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
        ${this.actions.busy === 'enable' ? this.renderWork('Encrypting your entries…') : nothing}
        <div class="actions"><button class="button primary" ?disabled=${this.actions.busy === 'enable'}>Turn on the lock</button></div>
      </form>
    </section>`;
  }

  private renderManage(autoLockMinutes: number | null): TemplateResult {
    const changeError = this.actions.errorFor('change');
    const disableError = this.actions.errorFor('disable');
    const lockError = this.actions.errorFor('lock') ?? this.actions.errorFor('autolock');
    return html`<section class="panel" aria-labelledby="lock-title">
      <h3 id="lock-title" class="view-title" tabindex="-1">Passphrase lock is on</h3>
      <p>Your entries are encrypted on this device. They open only with your passphrase, and only while the journal is unlocked.</p>
      ${lockError ? html`<p class="error" role="alert">${lockError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button primary" ?disabled=${this.actions.busy === 'lock'} @click=${() => this.actions.lockNow()}>Lock now</button>
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
        <div class="actions"><button class="button" ?disabled=${this.actions.busy === 'change'}>${this.actions.busy === 'change' ? 'Changing…' : 'Change passphrase'}</button></div>
      </form>

      <h4>Turn the lock off</h4>
      <p class="help">Your entries will be stored unencrypted on this device again.</p>
      <form @submit=${this.onDisable} novalidate>
        <div class="field">
          <label for="disable-passphrase">Passphrase</label>
          <input id="disable-passphrase" name="passphrase" type="password" autocomplete="current-password" />
        </div>
        ${disableError ? html`<p class="error" role="alert">${disableError}</p>` : nothing}
        ${this.actions.busy === 'disable' ? this.renderWork('Decrypting your entries…') : nothing}
        <div class="actions"><button class="button" ?disabled=${this.actions.busy === 'disable'}>Turn the lock off</button></div>
      </form>
    </section>`;
  }

  private passphraseInputs(form: LockForm, label: string): TemplateResult {
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

  private renderWork(label: string): TemplateResult {
    return workLine(label, this.work);
  }

  private onStrength(form: LockForm, value: string): void {
    this.strength = value ? { form, hint: passphraseStrength(value) } : undefined;
    this.actions.port.requestUpdate();
  }

  private readonly onEnable = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = formValue(form, 'passphrase');
    const problem = newPassphraseProblem(passphrase, formValue(form, 'confirm'));
    if (problem) return this.actions.setError('enable', problem);
    if (!(form.elements.namedItem('ack') as HTMLInputElement).checked) {
      return this.actions.setError('enable', 'Please confirm that you understand a forgotten passphrase cannot be recovered.');
    }
    const minutes = autoLockValue(formValue(form, 'autolock'));
    void this.actions.run('enable', async (lock) => {
      await lock.enable(passphrase, { autoLockMinutes: minutes });
      form.reset();
      this.strength = undefined;
      this.actions.port.announce('The lock is on. Your entries are encrypted on this device.');
      this.actions.fire('enable', 'unlocked');
    });
  };

  private readonly onChange = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const current = formValue(form, 'current');
    const passphrase = formValue(form, 'passphrase');
    if (!current) return this.actions.setError('change', 'Enter your current passphrase.');
    const problem = newPassphraseProblem(passphrase, formValue(form, 'confirm'));
    if (problem) return this.actions.setError('change', problem);
    void this.actions.run('change', async (lock) => {
      await lock.changePassphrase(current, passphrase);
      form.reset();
      this.strength = undefined;
      this.actions.port.announce('Your passphrase is changed. Use the new one from now on.');
      this.actions.fire('change-passphrase', 'unlocked');
    });
  };

  private readonly onDisable = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = formValue(form, 'passphrase');
    if (!passphrase) return this.actions.setError('disable', 'Enter your passphrase to turn the lock off.');
    void this.actions.run('disable', async (lock) => {
      await lock.disable(passphrase);
      form.reset();
      this.actions.port.announce('The lock is off. Your entries are stored unencrypted on this device.');
      this.actions.fire('disable', 'off');
    });
  };

  private readonly onAutoLock = (e: Event) => {
    const minutes = autoLockValue((e.target as HTMLSelectElement).value);
    void this.actions.run('autolock', async (lock) => {
      await lock.setAutoLock(minutes);
      this.actions.port.announce(minutes === null ? 'The journal will not lock itself.' : `The journal will lock itself after ${autoLockLabel(minutes)} without activity.`);
    });
  };
}

/**
 * The busy line, and once the work has taken more than a second (10,000 entries take half a
 * minute on a slow phone), a bar with how far it has come: the journal is not stuck.
 */
function workLine(label: string, work: LockStatus['work']): TemplateResult {
  const long = work && work.total > 0 && Date.now() - work.startedAt > 1000;
  return html`<div class="work" role="status">
    <p>${label}${long ? ` ${work.done.toLocaleString()} of ${work.total.toLocaleString()} records.` : ''}</p>
    ${long ? html`<progress part="lock-progress" max=${work.total} .value=${work.done} aria-label=${label}></progress>` : nothing}
  </div>`;
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

const ownStyles = css`
  .strength[data-level='too-short'],
  .strength[data-level='weak'] {
    color: var(--_color-danger);
  }
  .strength[data-level='strong'] {
    color: var(--_color-success);
  }
`;

/** Styles that arrive with the lock settings. */
export const styles = [panelStyles, ownStyles];
