// Saving the check-in needs program.journal and program.drafts: their code loads with this view.
import '../../../sdk/store/journal-parts.js';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import { EntrySavedEvent } from '../../../sdk/events.js';
import { riskWordsFor } from '../../../sdk/safety/risk-words.js';
import { SupportOfferedEvent } from '../../../sdk/support-offered.js';
import { EN_SUPPORT_CARD_STRINGS, renderSupportCard } from '../../shared/support-card.js';
import type { EntryDraft, FieldValue } from '../../../sdk/store/records.js';
import { CHECK_IN_TEMPLATE_ID, checkInLabels } from './check-in-labels.js';
import type { SessionLogController } from './session-log-controller.js';
import type { CheckIn, PlayerPort } from './types.js';

/**
 * The optional "How do you feel now?" check-in after a session, saved as a journal entry with a
 * write-ahead copy of the note (D2). Loaded with import() when a session first ends.
 */
export class CheckInView {
  constructor(
    private readonly port: PlayerPort,
    private readonly log: SessionLogController,
  ) {}

  render(c: CheckIn): TemplateResult {
    const t = this.port.t;
    const labels = checkInLabels(this.port.program, t);
    const busy = c.status === 'saving';
    return html`<div class="check-in" part="check-in">
      ${staticHtml`<${this.port.heading(3)} id="check-in-title" class="subheading">${labels.title}</${this.port.heading(3)}>`}
      <p class="hint" id="check-in-hint">${labels.hint}</p>
      <div class="choices" role="group" aria-labelledby="check-in-title" aria-describedby="check-in-hint">
        ${labels.choices.map(
          (choice) => html`<button type="button" class="button choice" aria-pressed=${c.choice === choice ? 'true' : 'false'} ?disabled=${busy} @click=${() => void this.save(choice, c.note)}>
            ${choice}
          </button>`,
        )}
      </div>
      ${c.choice !== undefined
        ? html`<label class="field note">
              <span>${labels.noteLabel}</span>
              <textarea rows="3" .value=${live(c.note)} @input=${(e: Event) => this.type(c, (e.target as HTMLTextAreaElement).value)}></textarea>
            </label>
            <div class="actions">
              <button type="button" class="button" ?disabled=${busy || !c.note.trim()} @click=${() => void this.save(undefined, c.note)}>${t.saveNote}</button>
            </div>`
        : nothing}
      ${c.status === 'saving' ? html`<p class="hint">${t.saving}</p>` : nothing}
      ${c.status === 'saved' ? html`<p class="saved">${this.savedText(!!c.noteSaved)}</p>` : nothing}
      ${c.status === 'error' ? html`<p class="error" role="alert">${c.error}</p>` : nothing}
      ${c.supportOffered ? renderSupportCard(this.port.program?.content.program.support?.resources ?? [], { ...EN_SUPPORT_CARD_STRINGS, ...this.port.locale.catalog.measure }, undefined) : nothing}
      <button type="button" class="button quiet" @click=${() => this.close()}>${t.notNow}</button>
    </div>`;
  }

  /** The journal entry a check-in is saved as. */
  private entry(current: CheckIn, picked: string | undefined, note: string): EntryDraft {
    const t = this.port.t;
    const labels = checkInLabels(this.port.program, t);
    const fields: Record<string, FieldValue> = {};
    if (picked !== undefined) fields[labels.choiceId] = labels.multiple ? [picked] : picked;
    fields[labels.noteId] = note;
    const mode = this.log.summary?.mode ?? this.port.mode;
    const practice = this.log.summary?.mode === 'guided' ? this.port.displayTitle : t.modeTitle[mode];
    return {
      ...(current.entryId ? { id: current.entryId } : {}),
      templateId: CHECK_IN_TEMPLATE_ID,
      title: t.checkInEntryTitle(practice),
      fields,
      tags: ['practice', mode],
    };
  }

  private type(c: CheckIn, note: string): void {
    const program = this.port.program;
    let copy = c.copy;
    // D2: a write-ahead copy of the note, so a tab closed before "Save note" loses nothing.
    if (program && c.entryId) {
      const entry = { ...this.entry(c, c.choice, note), id: c.entryId };
      copy = program.drafts.keep('entry', c.entryId, {
        entry,
        ...(c.revision !== undefined ? { base: c.revision } : {}),
        // Typed while a save runs: if the page dies after it commits, that revision is this page's own.
        ...(c.status === 'saving' ? { saving: (c.revision ?? 0) + 1 } : {}),
      });
    }
    this.log.setCheckIn({ ...c, note, noteSaved: false, ...(copy !== undefined ? { copy } : {}) });
  }

  private close(): void {
    const c = this.log.checkIn;
    // "Not now" is the participant's choice: an unsaved note is let go with the check-in.
    if (c?.entryId && c.copy !== undefined) this.port.program?.drafts.discard('entry', c.entryId);
    this.log.setCheckIn(null);
  }

  /** "Saved" only when it is (D1); memory-only mode says how long the words are kept. */
  private savedText(note: boolean): string {
    const t = this.port.t;
    if (this.port.program?.storage.mode === 'memory') return note ? t.noteKept : t.checkInKept;
    return note ? t.noteSaved : t.checkInSaved;
  }

  private async save(choice: string | undefined, note: string): Promise<void> {
    const program = this.port.program;
    const current = this.log.checkIn;
    if (!program || !current) return;
    const picked = choice ?? current.choice;
    this.log.setCheckIn({ ...current, status: 'saving', ...(picked !== undefined ? { choice: picked } : {}), note });
    try {
      if (current.entryId && current.copy !== undefined) program.drafts.mark('entry', current.entryId, { saving: (current.revision ?? 0) + 1 });
      const entry = await program.journal.save(this.entry(current, picked, note), current.revision !== undefined ? { expectedRevision: current.revision } : {});
      if (current.entryId && current.copy !== undefined) program.drafts.settle('entry', current.entryId, current.copy);
      const noteSaved = choice === undefined && note.trim() !== '';
      // Words typed while this save ran stay on screen (and in their copy) for the next save.
      const typed = this.log.checkIn?.note ?? note;
      const later = typed !== note ? { copy: this.log.checkIn?.copy } : {};
      // The note's words, checked on the device against the program's list: a match offers the support card once.
      const offer = !current.supportOffered && note.trim() !== '' && !!riskWordsFor(program.content.program)?.matches(note);
      const supportOffered = current.supportOffered || offer ? { supportOffered: true } : {};
      const saved: CheckIn = { status: 'saved', note: typed, entryId: entry.id, revision: entry.revision, noteSaved: noteSaved && typed === note, ...later, ...(picked !== undefined ? { choice: picked } : {}), ...supportOffered };
      this.log.setCheckIn(saved);
      // Their copy now builds on the revision just stored.
      if (typed !== note) this.type(saved, typed);
      this.log.announce(this.savedText(noteSaved));
      if (offer) this.port.dispatch(new SupportOfferedEvent());
      this.port.dispatch(new EntrySavedEvent({ programId: program.id, entryId: entry.id, templateId: entry.templateId, revision: entry.revision, created: entry.revision === 1 }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.setCheckIn({ ...current, status: 'error', note, error: this.port.t.checkInFailed(message), ...(picked !== undefined ? { choice: picked } : {}) });
    }
  }
}
