import { html, type TemplateResult } from 'lit';
import { entryHeading } from './entries.js';
import type { JournalNavigator } from './navigator.js';
import type { ViewPort } from './port.js';
import { panelStyles } from './view.styles.js';
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';

export interface DeletedPort extends ViewPort {
  /** Restore and purge, and the entry whose "Delete for good" asks to be confirmed (`confirmPurge`). */
  readonly nav: Pick<JournalNavigator, 'confirmPurge' | 'act'>;
}

/** "Recently deleted": restore an entry, or delete it for good (loaded on first use). */
export function renderDeleted(port: DeletedPort): TemplateResult {
  const { sdk, formats } = port;
  const deleted = port.snapshot.deleted;
  const t = formats.t(EN_ENTRY_STRINGS);
  return html`<section class="panel" aria-labelledby="deleted-title">
    <h3 id="deleted-title" class="view-title" tabindex="-1">${t.deletedTitle}</h3>
    <p>${t.deletedBody}</p>
    ${deleted.length || port.snapshot.deletedCount
      ? html`<ul class="cards deleted">
          ${deleted.map((e) => {
            const template = sdk.content.template(e.templateId);
            const heading = sdk.journal.canRead(e) ? entryHeading(e, template, formats.t(EN_JOURNAL_STRINGS).untitled) : (template?.title ?? t.entryFallback);
            return html`<li class="card">
              <div class="card-body">
                <p class="card-title" dir="auto">${heading}</p>
                <p class="meta">${t.deletedOn(formats.dateTime.format(e.deletedAt ?? e.updatedAt))}</p>
                <div class="actions">
                  <button type="button" class="button" @click=${() => void port.nav.act((m, a) => m.restoreDeleted(a, e.id))}>${t.restore}<span class="visually-hidden"> ${heading}</span></button>
                  <button type="button" class="button danger" @click=${() => void port.nav.act((m, a) => m.purge(a, e.id))}>
                    ${port.nav.confirmPurge === e.id ? t.confirmPurge : t.purge}<span class="visually-hidden"> ${heading}</span>
                  </button>
                </div>
              </div>
            </li>`;
          })}
        </ul>`
      : html`<p class="empty" part="empty">${t.nothingHere}</p>`}
  </section>`;
}

/** Styles that arrive with this view (its "Delete for good" button). */
export const styles = [panelStyles];
