import { html, nothing, type TemplateResult } from 'lit';
import type { RecoveredDraft } from '../../../sdk/store/drafts.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { Formats } from './platform.js';
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';

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
      const t = port.formats.t(EN_ENTRY_STRINGS);
      const where = title ? t.recoveredIn(title) : '';
      return html`<p>
        ${r.outcome === 'copy'
          ? t.recoveredCopy(at, where)
          : t.recovered(at, where)}
      </p>`;
    })}
    <button type="button" class="button quiet" @click=${() => port.dismissRecovered(list)}>${port.formats.t(EN_ENTRY_STRINGS).ok}</button>
  </div>`;
}
