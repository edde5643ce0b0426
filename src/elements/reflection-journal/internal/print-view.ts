import { css, html, nothing, type TemplateResult } from 'lit';
import { valueText } from '../../../sdk/export/markdown.js';
import { entryHeading, extraFields } from './entries.js';
import type { ViewPort } from './port.js';
import { panelStyles, promptStyles } from './view.styles.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';

export interface PrintPort extends ViewPort {
  /** The entries to print. */
  readonly ids: readonly string[];
  back(): void;
}

/** The printable document of the chosen entries (loaded on first use). */
export function renderPrint(port: PrintPort): TemplateResult {
  const { sdk, formats } = port;
  const ids = new Set(port.ids);
  const entries = port.snapshot.entries.filter((e) => ids.has(e.id) && sdk.journal.canRead(e));
  const t = formats.t(EN_ENTRY_STRINGS);
  return html`<section class="print-view" part="print-view" aria-labelledby="print-title">
    <div class="actions no-print">
      <button type="button" class="button" @click=${() => port.back()}>${t.backToList}</button>
      <button type="button" class="button primary" @click=${() => window.print()}>${t.printOrPdf}</button>
    </div>
    <h3 id="print-title" class="view-title" tabindex="-1">${t.printTitle(sdk.content.program.title, entries.length)}</h3>
    ${entries.map((e) => {
      const template = sdk.content.template(e.templateId);
      const week = e.weekId ? sdk.content.week(e.weekId) : undefined;
      return html`<article class="print-entry">
        <h4 dir="auto">${entryHeading(e, template, formats.t(EN_JOURNAL_STRINGS).untitled)}</h4>
        <p class="meta">${[template?.title, week ? t.weekGroup(week.number, week.title) : undefined, formats.dateTime.format(e.createdAt)].filter(Boolean).join(' · ')}</p>
        ${e.prompt ? html`<blockquote class="prompt" dir="auto">${e.prompt}</blockquote>` : nothing}
        ${[...(template?.fields ?? []), ...extraFields(template, e)].map((f) => {
          const text = valueText(f, e.fields[f.id]);
          return text === undefined ? nothing : html`<h5>${f.label}</h5><p class="value" dir="auto">${text}</p>`;
        })}
        ${e.tags.length ? html`<p class="meta">${t.tagsLine(e.tags.join(', '))}</p>` : nothing}
      </article>`;
    })}
  </section>`;
}

const ownStyles = css`
  .print-entry {
    margin-block: var(--_space-5);
    padding-block-start: var(--_space-4);
    border-block-start: 1px solid var(--_color-border);
  }
  .value {
    white-space: pre-wrap;
  }
  @media print {
    .print-entry {
      break-inside: avoid-page;
      border-color: #999;
    }
  }
`;

/** Styles that arrive with the print view. */
export const styles = [panelStyles, promptStyles, ownStyles];
