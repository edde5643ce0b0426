import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import type { EntryRevision, RevisionLabel } from '../../../sdk/store/records.js';
import { excerpt } from './entries.js';
import type { ViewPort } from './port.js';
import { panelStyles } from './view.styles.js';
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';

export interface HistoryPort extends ViewPort {
  /** The revision the open text is based on. */
  readonly currentRevision: number | undefined;
  /** The open entry's template. */
  readonly templateId: string | undefined;
  restore(revision: EntryRevision): void;
  close(): void;
}

/** How History names a revision kept beside the others rather than saved over them. */
const COPY_LABELS: Record<RevisionLabel, 'conflictCopy' | 'importedCopy'> = {
  'conflict-copy': 'conflictCopy',
  'imported-copy': 'importedCopy',
};

/** An entry's earlier versions, each with "Restore this version" (loaded on first use). */
export function renderHistory(port: HistoryPort, revisions: readonly EntryRevision[]): TemplateResult {
  const journal = port.sdk.journal;
  const current = port.currentRevision;
  const t = port.formats.t(EN_ENTRY_STRINGS);
  const template = port.templateId ? port.sdk.content.template(port.templateId) : undefined;
  // In a host, a group rather than a region: several entries' histories must not become look-alike landmarks.
  const tag = port.inHost ? literal`div` : literal`section`;
  return staticHtml`<${tag} class="history" part="history" role=${ifDefined(port.inHost ? 'group' : undefined)} aria-labelledby="history-title">
    <${port.headingTag(4)} id="history-title" tabindex="-1">${t.earlierVersions}</${port.headingTag(4)}>
    <p class="help">${t.historyHelp}</p>
    <ol class="revisions">
      ${revisions.map((r) => {
        const readable = journal.canRead(r);
        const preview = readable ? excerpt({ ...r, id: r.entryId, templateId: '', createdAt: r.savedAt, updatedAt: r.savedAt }, template, 120) : '';
        return html`<li>
          <p><strong>${t.version(r.revision)}</strong> · ${port.formats.dateTime.format(r.savedAt)}${r.revision === current ? t.current : ''}${r.label ? html` · <span class="copy-label">${t[COPY_LABELS[r.label]]}</span>` : nothing}</p>
          ${readable ? html`<p class="excerpt" dir="auto">${r.title ? `${r.title}: ` : ''}${preview || t.emptyVersion}</p>` : html`<p class="error">${t.versionDamaged}</p>`}
          <button type="button" class="button" ?disabled=${r.revision === current || !readable} @click=${() => port.restore(r)}>
            ${t.restoreVersion}<span class="visually-hidden">${t.versionHidden(r.revision)}</span>
          </button>
        </li>`;
      })}
    </ol>
    <button type="button" class="button quiet" @click=${() => port.close()}>${t.closeHistory}</button>
  </${tag}>`;
}

const ownStyles = css`
  #history-title:focus {
    outline: none;
  }
  .history {
    margin-block-start: var(--_space-5);
    padding-block-start: var(--_space-4);
    border-block-start: 1px solid var(--_color-border);
  }
  .revisions {
    padding-inline-start: var(--_space-5);
  }
  .revisions li {
    margin-block-end: var(--_space-4);
  }
  .revisions p {
    margin-block-end: var(--_space-1);
  }
`;

/** Styles that arrive with History. */
export const styles = [panelStyles, ownStyles];
