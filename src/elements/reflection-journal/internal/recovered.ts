import { html, nothing, type TemplateResult } from 'lit';
import type { RecoveredDraft } from '../../../sdk/store/drafts.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { Formats } from './platform.js';

/** What the recovery line needs (the list shows it for every entry, an open entry for its own). */
export interface RecoveredPort {
  /** Text recovered from a page that closed before saving. */
  readonly recovered: readonly RecoveredDraft[];
  readonly snapshot: JournalSnapshot;
  readonly formats: Formats;
  dismissRecovered(list: readonly RecoveredDraft[]): void;
}

/** One calm line per text recovered from a page that closed before saving; `entryId` limits it to one entry. */
export function renderRecovered(port: RecoveredPort, entryId?: string): TemplateResult | typeof nothing {
  const list = port.recovered.filter((r) => entryId === undefined || r.id === entryId);
  if (!list.length) return nothing;
  return html`<div class="recovered" part="recovered" role="status">
    ${list.map((r) => {
      const at = port.formats.time.format(r.writtenAt);
      const title = entryId === undefined ? port.snapshot.entries.find((e) => e.id === r.id)?.title.trim() : undefined;
      const where = title ? ` in “${title}”` : '';
      return html`<p>
        ${r.outcome === 'copy'
          ? `Recovered text you wrote at ${at}${where}. This entry had changed since, so your text is kept as a copy in its History.`
          : `Recovered text you wrote at ${at}${where}.`}
      </p>`;
    })}
    <button type="button" class="button quiet" @click=${() => port.dismissRecovered(list)}>OK</button>
  </div>`;
}
