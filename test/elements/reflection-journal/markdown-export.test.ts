import { expect } from 'chai';
import { entriesToMarkdown } from '../../../src/sdk/export/markdown.js';
import { exportFileName } from '../../../src/sdk/export/file.js';
import { ProgramContent } from '../../../src/sdk/content/content.js';
import { validateProgram } from '../../../src/sdk/content/validate.js';
import type { JournalEntry } from '../../../src/sdk/store/records.js';
import { journalProgram } from '../../fixtures/journal-helpers.js';

const at = Date.UTC(2026, 2, 3, 12, 3);
const entry = (over: Partial<JournalEntry>): JournalEntry => ({ id: 'e', templateId: 'free-reflection', title: '', fields: {}, tags: [], createdAt: at, updatedAt: at, revision: 1, ...over });

describe('entriesToMarkdown', () => {
  it('writes each entry with its template’s labels, week, prompt, tags and dates, in the order given', async () => {
    const content = new ProgramContent(validateProgram(await journalProgram()).program, undefined);
    const text = entriesToMarkdown(
      [
        entry({ id: 'a', templateId: 'three-systems-check-in', title: 'Check-in', fields: { threat: 6, drive: null, note: 'Busy day.\nSlept badly.' }, weekId: 'week-3', stepId: 'w3-reflect-1', prompt: 'How active?', tags: ['sleep'] }),
        entry({ id: 'b', templateId: 'weekly-reflection', fields: { answer: 'Calmer.', feelings: ['calm', 'warm'] } }),
      ],
      content,
      { title: 'For my clinician', locale: 'en-GB', timeZone: 'UTC', exportedAt: new Date(at), note: 'Weeks 3 and 4' },
    );
    expect(text).to.equal(
      [
        '# For my clinician',
        '',
        'Exported 3 March 2026 at 12:03 · 2 entries',
        '',
        'Weeks 3 and 4',
        '',
        '---',
        '',
        '## Check-in',
        '',
        `*Three-systems check-in · Week 3: ${content.week('week-3')!.title} · ${content.step('w3-reflect-1')!.step.title} · 3 March 2026 at 12:03*`,
        '',
        '> How active?',
        '',
        'Tags: sleep',
        '',
        '### Threat: feeling on guard, anxious or angry',
        '',
        '6 on a scale of 0 to 10 (0 = Very quiet, 10 = Very active)',
        '',
        '### Notes',
        '',
        'Busy day.  ',
        'Slept badly.',
        '',
        '---',
        '',
        '## Weekly reflection',
        '',
        '*3 March 2026 at 12:03*',
        '',
        '### Your answer',
        '',
        'Calmer.',
        '',
        '### What did you notice feeling?',
        '',
        'calm, warm',
        '',
      ].join('\n'),
    );
  });

  it('escapes backslashes and angle brackets so no Markdown viewer reads the text as HTML', () => {
    const text = entriesToMarkdown([entry({ title: '<img src=x onerror=alert(1)>', fields: { reflection: 'a \\<b> c' } })], undefined, { exportedAt: new Date(at) });
    expect(text).to.contain('## \\<img src=x onerror=alert(1)>');
    expect(text).to.contain('a \\\\\\<b> c');
    expect(text).to.not.match(/(^|[^\\])<img/m);
  });

  it('keeps fields the template no longer has, and can leave out dates and tags', async () => {
    const content = new ProgramContent(validateProgram(await journalProgram()).program, undefined);
    const text = entriesToMarkdown([entry({ fields: { reflection: 'kept', body: 'old field' }, tags: ['x'] })], content, { dates: false, tags: false, exportedAt: new Date(at) });
    expect(text).to.contain('### body\n\nold field');
    expect(text).to.not.contain('Tags:');
    expect(text.split('\n').filter((l) => l.startsWith('*'))).to.deep.equal([]);
  });

  it('names files with the local date', () => {
    expect(exportFileName('My Journal!', 'md', new Date(2026, 0, 5))).to.equal('my-journal-2026-01-05.md');
  });
});
