import { css, html, nothing, type TemplateResult } from 'lit';
import { AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES, type JournalLock, type LockStatus } from '../../../sdk/crypto/journal-lock.js';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, type StrengthHint } from '../../../sdk/crypto/strength.js';
import { formValue, type LockActions, type LockForm } from './unlock-form.js';

// The settings share the unlock form's busy and error state: its code comes with them.
export { LockActions } from './unlock-form.js';
import { panelStyles } from './view.styles.js';
import { EN_PANEL_STRINGS } from './en-panel-strings.js';

/**
 * The "Privacy lock" view, loaded on first use: set up the lock, lock now, auto-lock, change the
 * passphrase, turn it off. Busy and error state are shared with the unlock form.
 */
export class LockSettings {
  private strength: { form: LockForm; hint: StrengthHint } | undefined;
  private work: LockStatus['work'];

  constructor(private readonly actions: LockActions) {}

  private get t(): typeof EN_PANEL_STRINGS {
    return this.actions.port.formats.t(EN_PANEL_STRINGS);
  }

  /** The "Privacy lock" view for the lock's current state. */
  renderSettings(state: JournalLock['state'], autoLockMinutes: number | null, work?: LockStatus['work']): TemplateResult {
    this.work = work;
    if (state === 'locked') return this.actions.renderUnlock();
    if (state === 'unknown') return html`<p role="status">${this.t.checkingLock}</p>`;
    return state === 'off' ? this.renderSetup() : this.renderManage(autoLockMinutes);
  }

  private renderSetup(): TemplateResult {
    const error = this.actions.errorFor('enable');
    const t = this.t;
    return html`<section class="panel" aria-labelledby="lock-title">
      <h3 id="lock-title" class="view-title" tabindex="-1">${t.lockTitle}</h3>
      <p>${t.lockIntro}</p>
      <p class="notice" part="lock-warning">
        <strong>${t.lockWarningStrong}</strong> ${t.lockWarning}
      </p>
      <form @submit=${this.onEnable} novalidate>
        ${this.passphraseInputs('enable', t.newPassphrase)}
        ${this.autoLockSelect('enable-autolock', DEFAULT_AUTO_LOCK_MINUTES)}
        <div class="check">
          <input id="enable-ack" name="ack" type="checkbox" />
          <label for="enable-ack">${t.acknowledge}</label>
        </div>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
        ${this.actions.busy === 'enable' ? this.renderWork(t.encrypting) : nothing}
        <div class="actions"><button class="button primary" ?disabled=${this.actions.busy === 'enable'}>${t.turnOn}</button></div>
      </form>
    </section>`;
  }

  private renderManage(autoLockMinutes: number | null): TemplateResult {
    const changeError = this.actions.errorFor('change');
    const disableError = this.actions.errorFor('disable');
    const lockError = this.actions.errorFor('lock') ?? this.actions.errorFor('autolock');
    const t = this.t;
    return html`<section class="panel" aria-labelledby="lock-title">
      <h3 id="lock-title" class="view-title" tabindex="-1">${t.lockOnTitle}</h3>
      <p>${t.lockOnBody}</p>
      ${lockError ? html`<p class="error" role="alert">${lockError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button primary" ?disabled=${this.actions.busy === 'lock'} @click=${() => this.actions.lockNow()}>${t.lockNow}</button>
      </div>
      <div class="field">
        <label for="manage-autolock">${t.autoLock}</label>
        <select id="manage-autolock" @change=${this.onAutoLock}>
          ${AUTO_LOCK_CHOICES.map((m) => html`<option value=${m ?? 'never'} ?selected=${m === autoLockMinutes}>${autoLockLabel(m, t)}</option>`)}
        </select>
      </div>

      <h4>${t.changeHeading}</h4>
      <p class="help">${t.changeHelp}</p>
      <form @submit=${this.onChange} novalidate>
        <div class="field">
          <label for="change-current">${t.currentPassphrase}</label>
          <input id="change-current" name="current" type="password" autocomplete="current-password" />
        </div>
        ${this.passphraseInputs('change', t.newPassphrase)}
        ${changeError ? html`<p class="error" role="alert">${changeError}</p>` : nothing}
        <div class="actions"><button class="button" ?disabled=${this.actions.busy === 'change'}>${this.actions.busy === 'change' ? t.changing : t.changeButton}</button></div>
      </form>

      <h4>${t.offHeading}</h4>
      <p class="help">${t.offHelp}</p>
      <form @submit=${this.onDisable} novalidate>
        <div class="field">
          <label for="disable-passphrase">${t.passphrase}</label>
          <input id="disable-passphrase" name="passphrase" type="password" autocomplete="current-password" />
        </div>
        ${disableError ? html`<p class="error" role="alert">${disableError}</p>` : nothing}
        ${this.actions.busy === 'disable' ? this.renderWork(t.decrypting) : nothing}
        <div class="actions"><button class="button" ?disabled=${this.actions.busy === 'disable'}>${t.turnOff}</button></div>
      </form>
    </section>`;
  }

  private passphraseInputs(form: LockForm, label: string): TemplateResult {
    const hint = this.strength?.form === form ? this.strength.hint : undefined;
    const t = this.t;
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
          ${hint
            ? html`<strong>${t.strength(t.strengthLabel?.[hint.level] ?? hint.label)}</strong> ${t.strengthAdvice?.[hint.level] ?? hint.advice}`
            : t.atLeast(MIN_PASSPHRASE_LENGTH)}
        </p>
      </div>
      <div class="field">
        <label for=${`${form}-confirm`}>${t.typeAgain}</label>
        <input id=${`${form}-confirm`} name="confirm" type="password" autocomplete="new-password" />
      </div>`;
  }

  private autoLockSelect(id: string, selected: number | null): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${this.t.autoLock}</label>
      <select id=${id} name="autolock">
        ${AUTO_LOCK_CHOICES.map((m) => html`<option value=${m ?? 'never'} ?selected=${m === selected}>${autoLockLabel(m, this.t)}</option>`)}
      </select>
    </div>`;
  }

  private renderWork(label: string): TemplateResult {
    return workLine(label, this.work, this.t, this.actions.port.formats.numbers);
  }

  private onStrength(form: LockForm, value: string): void {
    this.strength = value ? { form, hint: passphraseStrength(value) } : undefined;
    this.actions.port.requestUpdate();
  }

  private readonly onEnable = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = formValue(form, 'passphrase');
    const problem = newPassphraseProblem(passphrase, formValue(form, 'confirm'), this.t);
    if (problem) return this.actions.setError('enable', problem);
    if (!(form.elements.namedItem('ack') as HTMLInputElement).checked) {
      return this.actions.setError('enable', this.t.confirmAcknowledge);
    }
    const minutes = autoLockValue(formValue(form, 'autolock'));
    void this.actions.run('enable', async (lock) => {
      await lock.enable(passphrase, { autoLockMinutes: minutes });
      form.reset();
      this.strength = undefined;
      this.actions.port.announce(this.t.lockOn);
      this.actions.fire('enable', 'unlocked');
    });
  };

  private readonly onChange = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const current = formValue(form, 'current');
    const passphrase = formValue(form, 'passphrase');
    if (!current) return this.actions.setError('change', this.t.enterCurrent);
    const problem = newPassphraseProblem(passphrase, formValue(form, 'confirm'), this.t);
    if (problem) return this.actions.setError('change', problem);
    void this.actions.run('change', async (lock) => {
      await lock.changePassphrase(current, passphrase);
      form.reset();
      this.strength = undefined;
      this.actions.port.announce(this.t.changed);
      this.actions.fire('change-passphrase', 'unlocked');
    });
  };

  private readonly onDisable = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const passphrase = formValue(form, 'passphrase');
    if (!passphrase) return this.actions.setError('disable', this.t.enterToTurnOff);
    void this.actions.run('disable', async (lock) => {
      await lock.disable(passphrase);
      form.reset();
      this.actions.port.announce(this.t.lockOff);
      this.actions.fire('disable', 'off');
    });
  };

  private readonly onAutoLock = (e: Event) => {
    const minutes = autoLockValue((e.target as HTMLSelectElement).value);
    void this.actions.run('autolock', async (lock) => {
      await lock.setAutoLock(minutes);
      this.actions.port.announce(minutes === null ? this.t.noAutoLock : this.t.autoLockAfter(autoLockLabel(minutes, this.t)));
    });
  };
}

/**
 * The busy line, and once the work has taken more than a second (10,000 entries take half a
 * minute on a slow phone), a bar with how far it has come: the journal is not stuck.
 */
function workLine(label: string, work: LockStatus['work'], t: typeof EN_PANEL_STRINGS, numbers: Intl.NumberFormat): TemplateResult {
  const long = work && work.total > 0 && Date.now() - work.startedAt > 1000;
  return html`<div class="work" role="status">
    <p>${label}${long ? t.records(numbers.format(work.done), numbers.format(work.total)) : ''}</p>
    ${long ? html`<progress part="lock-progress" max=${work.total} .value=${work.done} aria-label=${label}></progress>` : nothing}
  </div>`;
}

function newPassphraseProblem(passphrase: string, confirm: string, t: typeof EN_PANEL_STRINGS): string | undefined {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return t.tooShort(MIN_PASSPHRASE_LENGTH);
  if (passphrase !== confirm) return t.notSame;
  return undefined;
}

function autoLockValue(v: string): number | null {
  return v === 'never' ? null : Number(v);
}

export function autoLockLabel(minutes: number | null, t: Pick<typeof EN_PANEL_STRINGS, 'never' | 'minutes'> = EN_PANEL_STRINGS): string {
  return minutes === null ? t.never : t.minutes(minutes);
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
