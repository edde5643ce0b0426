import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import type { EntryRevision, RevisionLabel } from '../../../sdk/store/records.js';
import { excerpt } from './entries.js';
import type { ViewPort } from './port.js';
import { panelStyles } from './view.styles.js';

export interface HistoryPort extends ViewPort {
  /** The revision the open text is based on. */
  readonly currentRevision: number | undefined;
  /** The open entry's template. */
  readonly templateId: string | undefined;
  restore(revision: EntryRevision): void;
  close(): void;
}

/** How History names a revision kept beside the others rather than saved over them. */
const COPY_LABELS: Record<RevisionLabel, string> = {
  'conflict-copy': 'Copy kept from another tab',
  'imported-copy': 'Copy kept from an imported backup',
};

/** An entry's earlier versions, each with "Restore this version" (loaded on first use). */
export function renderHistory(port: HistoryPort, revisions: readonly EntryRevision[]): TemplateResult {
  const journal = port.sdk.journal;
  const current = port.currentRevision;
  const template = port.templateId ? port.sdk.content.template(port.templateId) : undefined;
  // In a host, a group rather than a region: several entries' histories must not become look-alike landmarks.
  const tag = port.inHost ? literal`div` : literal`section`;
  return staticHtml`<${tag} class="history" part="history" role=${ifDefined(port.inHost ? 'group' : undefined)} aria-labelledby="history-title">
    <${port.headingTag(4)} id="history-title" tabindex="-1">Earlier versions</${port.headingTag(4)}>
    <p class="help">The last 20 versions are kept. Restoring one makes it the current text again; the version you have now stays in this list.</p>
    <ol class="revisions">
      ${revisions.map((r) => {
        const readable = journal.canRead(r);
        const preview = readable ? excerpt({ ...r, id: r.entryId, templateId: '', createdAt: r.savedAt, updatedAt: r.savedAt }, template, 120) : '';
        return html`<li>
          <p><strong>Version ${r.revision}</strong> · ${port.formats.dateTime.format(r.savedAt)}${r.revision === current ? ' (current)' : ''}${r.label ? html` · <span class="copy-label">${COPY_LABELS[r.label]}</span>` : nothing}</p>
          ${readable ? html`<p class="excerpt" dir="auto">${r.title ? `${r.title}: ` : ''}${preview || '(empty)'}</p>` : html`<p class="error">This version could not be opened: it failed the integrity check.</p>`}
          <button type="button" class="button" ?disabled=${r.revision === current || !readable} @click=${() => port.restore(r)}>
            Restore this version<span class="visually-hidden"> (version ${r.revision})</span>
          </button>
        </li>`;
      })}
    </ol>
    <button type="button" class="button quiet" @click=${() => port.close()}>Close history</button>
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
