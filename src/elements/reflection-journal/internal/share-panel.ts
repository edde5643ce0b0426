import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { entriesToMarkdown } from '../../../sdk/export/markdown.js';
import { scoresSummary, type ScoresSummary } from '../../../sdk/measures/score.js';
import { exportFileName, FILE_TYPES, saveTextFile } from '../../../sdk/export/file.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import { entryHeading } from './entries.js';
import type { Formats } from './platform.js';
import { panelStyles } from './view.styles.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';
import { EN_PANEL_STRINGS } from './en-panel-strings.js';

/** What the panel needs from the journal. */
export interface SharePanelPort {
  readonly updateComplete: Promise<unknown>;
  requestUpdate(): void;
  readonly sdk: CompassionProgram | undefined;
  readonly formats: Formats;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly pageSize: number;
  announce(text: string): void;
}


/**
 * "Prepare to share with my clinician": pick entries, read a preview that is exactly the file's
 * text, save it on the device. Nothing is sent anywhere.
 */
export class SharePanel {
  private selected = new Set<string>();
  private dates = true;
  /** Questionnaire scores in the file: off unless the participant ticks the box. */
  private scores = false;
  private tags = true;
  private note = '';
  private shown = 0;
  /** Fixed while the view is open, so the preview and the saved file carry the same export time. */
  private madeAt = new Date();
  private cache: { key: string; text: string } | undefined;

  constructor(private readonly host: SharePanelPort) {}

  /** Opens with these entries ticked (e.g. the list's selection). */
  start(ids: Iterable<string>): void {
    this.selected = new Set(ids);
    this.madeAt = new Date();
    this.shown = this.host.pageSize;
    this.cache = undefined;
  }

  /** Drops the preview text (on lock: no opened text may stay in memory). */
  forget(): void {
    this.cache = undefined;
    this.note = '';
  }

  /** The exact text of the file for the current choice. */
  text(entries: readonly JournalEntry[]): string {
    const chosen = entries.filter((e) => this.selected.has(e.id));
    const sdk = this.host.sdk;
    const scores = this.scores ? this.scoresNow() : [];
    const key = `${chosen.map((e) => `${e.id}:${e.revision}`).join(',')}|${this.dates}|${this.tags}|${this.note}|${this.madeAt.getTime()}|${JSON.stringify(scores)}`;
    if (this.cache?.key !== key) {
      const text = entriesToMarkdown(chosen, sdk?.content, {
        title: this.host.formats.t(EN_PANEL_STRINGS).shareFileTitle,
        locale: this.host.formats.numbers.resolvedOptions().locale,
        exportedAt: this.madeAt,
        dates: this.dates,
        tags: this.tags,
        note: this.note.trim() || undefined,
        scores,
      });
      this.cache = { key, text };
    }
    return this.cache.text;
  }

  /** The questionnaires answered so far, with their scores (read from the participant's progress, on the device). */
  private scoresNow(): ScoresSummary[] {
    const sdk = this.host.sdk;
    if (!sdk?.content.program.measures?.length) return [];
    if (!sdk.progress.snapshot.loaded) {
      void sdk.progress.load().then(() => this.host.requestUpdate(), () => undefined);
      return [];
    }
    return scoresSummary(sdk.content.program, (id) => sdk.progress.snapshot.completed.get(id)?.answers);
  }

  render(entries: readonly JournalEntry[]): TemplateResult {
    const sdk = this.host.sdk;
    const answered = this.scoresNow();
    const count = entries.filter((e) => this.selected.has(e.id)).length;
    // The file can hold only the scores, when the participant chose them and no entry.
    const empty = count === 0 && !(this.scores && answered.length);
    const text = this.text(entries);
    const visible = entries.slice(0, Math.max(this.shown, this.host.pageSize));
    const f = this.host.formats;
    const t = f.t(EN_PANEL_STRINGS);
    return html`<section class="panel share" aria-labelledby="share-title">
      <h3 id="share-title" class="view-title" tabindex="-1">${t.shareTitle}</h3>
      <p>${t.shareIntro}</p>
      <p class="notice">${t.shareNotEncrypted}</p>
      <fieldset class="share-entries">
        <legend>${t.entriesToInclude}</legend>
        <div class="actions">
          <button type="button" class="button quiet" @click=${() => this.setAll(entries, true)}>${t.selectAll(entries.length)}</button>
          <button type="button" class="button quiet" ?disabled=${count === 0} @click=${() => this.setAll(entries, false)}>${t.selectNone}</button>
        </div>
        <p class="help" role="status">${t.chosen(count)}</p>
        <ul class="pick-list">
          ${visible.map((e) => {
            const template = sdk?.content.template(e.templateId);
            return html`<li>
              <input type="checkbox" id=${`share-${e.id}`} .checked=${live(this.selected.has(e.id))} @change=${(ev: Event) => this.toggle(e.id, (ev.target as HTMLInputElement).checked)} />
              <label for=${`share-${e.id}`}><span class="pick-title" dir="auto">${entryHeading(e, template, f.t(EN_JOURNAL_STRINGS).untitled)}</span> <span class="meta">${f.dateTime.format(e.createdAt)}</span></label>
            </li>`;
          })}
        </ul>
        ${entries.length > visible.length
          ? html`<button type="button" class="button" @click=${() => this.more()}>${t.showMoreCount(entries.length - visible.length)}</button>`
          : nothing}
      </fieldset>
      <fieldset>
        <legend>${t.whatToInclude}</legend>
        <div class="check">
          <input id="share-dates" type="checkbox" .checked=${live(this.dates)} @change=${(e: Event) => this.option('dates', (e.target as HTMLInputElement).checked)} />
          <label for="share-dates">${t.dates}</label>
        </div>
        <div class="check">
          <input id="share-tags" type="checkbox" .checked=${live(this.tags)} @change=${(e: Event) => this.option('tags', (e.target as HTMLInputElement).checked)} />
          <label for="share-tags">${t.tags}</label>
        </div>
        ${answered.length
          ? html`<div class="check">
              <input id="share-scores" type="checkbox" .checked=${live(this.scores)} @change=${(e: Event) => this.option('scores', (e.target as HTMLInputElement).checked)} />
              <label for="share-scores">${t.includeScores(answered.map((m) => m.title).join(', '))}</label>
            </div>`
          : nothing}
        <div class="field">
          <label for="share-note">${t.noteOptional}</label>
          <textarea id="share-note" dir="auto" rows="2" .value=${live(this.note)} @input=${(e: Event) => this.setNote((e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
      </fieldset>
      <h4 id="share-preview-title">${t.previewHeading}</h4>
      <pre class="preview" part="share-preview" tabindex="0" aria-labelledby="share-preview-title" dir="auto">${text}</pre>
      <div class="actions">
        <button type="button" class="button primary" part="share-save" ?disabled=${empty} @click=${() => this.save(text, count)}>${t.saveFile}</button>
      </div>
    </section>`;
  }

  private save(text: string, count: number): void {
    saveTextFile(text, exportFileName('journal-for-my-clinician', 'md'), FILE_TYPES.markdown, this.host.renderRoot);
    this.host.announce(this.host.formats.t(EN_PANEL_STRINGS).sharedSaved(count));
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
    this.host.requestUpdate();
  }

  private setAll(entries: readonly JournalEntry[], on: boolean): void {
    this.selected = on ? new Set(entries.map((e) => e.id)) : new Set();
    this.host.requestUpdate();
  }

  private option(name: 'dates' | 'tags' | 'scores', on: boolean): void {
    this[name] = on;
    this.host.requestUpdate();
  }

  private setNote(note: string): void {
    this.note = note;
    this.host.requestUpdate();
  }

  private more(): void {
    this.shown = Math.max(this.shown, this.host.pageSize) + this.host.pageSize;
    this.host.requestUpdate();
  }
}

const ownStyles = css`
  .pick-list {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .pick-list li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: var(--_target-size);
  }
  .pick-list label {
    font-weight: normal;
  }
  .pick-title {
    font-weight: 600;
  }
  .preview {
    max-block-size: 384px;
    overflow: auto;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface-alt);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: var(--_font-size-sm);
  }
`;

/** Styles that arrive with the share panel. */
export const styles = [panelStyles, ownStyles];
