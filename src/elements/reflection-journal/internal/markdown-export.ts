import { entriesToMarkdown } from '../../../sdk/export/markdown.js';
import { exportFileName, FILE_TYPES, saveTextFile } from '../../../sdk/export/file.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { JournalEntry } from '../../../sdk/store/records.js';

/** Saves the readable ones of `entries` as one Markdown file on the device (loaded on first use); returns what to announce. */
export function saveMarkdown(sdk: CompassionProgram, entries: readonly JournalEntry[], heading: string, root: HTMLElement | DocumentFragment): string {
  const readable = entries.filter((e) => sdk.journal.canRead(e));
  const text = entriesToMarkdown(readable, sdk.content, { title: `${heading}: ${sdk.content.program.title}`, locale: sdk.content.program.locale });
  saveTextFile(text, exportFileName('journal', 'md'), FILE_TYPES.markdown, root);
  const count = readable.length;
  return `Saved ${count} ${count === 1 ? 'entry' : 'entries'} as Markdown to your device.`;
}
