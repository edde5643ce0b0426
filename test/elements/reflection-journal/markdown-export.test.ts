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

  describe('links in participant text', () => {
    /** What one free-text field becomes in the export (no template: the field id is its heading). */
    const exported = (text: string): string => {
      const md = entriesToMarkdown([entry({ fields: { reflection: text } })], undefined, { exportedAt: new Date(at), dates: false });
      const body = md.slice(md.indexOf('### reflection\n\n') + '### reflection\n\n'.length);
      return body.replace(/\n$/, '').replace(/ {2}\n/g, '\n');
    };
    /** The text a Markdown viewer shows: every backslash escape removed. */
    const shown = (markdown: string) => markdown.replace(/\\([\s\S])/g, '$1');

    /**
     * The schemes of the links and definitions a CommonMark viewer would make of `markdown`, found
     * independently of the export's code: each unescaped `](` or `]:` destination, its backslash
     * escapes and character references decoded (by the browser's own HTML parser), then given to
     * the browser's URL parser, which drops tabs and leading spaces as it does for an href.
     */
    const linkSchemes = (markdown: string): string[] =>
      [...markdown.matchAll(/(?<!\\)(?:\\\\)*\][ \t]*\n?[ \t]*[(:][ \t]*\n?[ \t]*(<[^>\n]*>|[^\s)]+)/g)].map(([, raw]) => {
        const decoder = document.createElement('textarea');
        decoder.innerHTML = raw!.replace(/^<|>$/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/</g, '&lt;');
        try {
          return new URL(decoder.value, 'https://clinic.example/').protocol;
        } catch {
          return 'invalid';
        }
      });

    const hostile = [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](vbscript:msgbox(1))',
      '[x](VBScript:msgbox(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '![x](DATA:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
      '[x](java\tscript:alert(1))',
      '[x](java&#x09;script:alert(1))',
      '[x](java&Tab;script:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](javascript&colon;alert(1))',
      '[x](javascript&#58;alert(1))',
      '[x](javascript\\:alert(1))',
      '[x]( javascript:alert(1))',
      '[x](&#32;javascript:alert(1))',
      '[x](\njavascript:alert(1))',
      '[x](<javascript:alert(1)>)',
      '[x] (javascript:alert(1))',
      '[a [b](javascript:alert(1))](https://example.org/ok)',
      'See [my notes][n] and [this].\n\n[n]: javascript:alert(1)\n[this]: <data:text/html,hi>',
      '[n]:\n  VBSCRIPT:msgbox(1)',
      '> [q]: javascript:alert(1)',
    ];

    it('leaves links to javascript:, vbscript: and data: URLs as inert text, in any case, with tabs, entities, escapes or line breaks, inline or by reference, keeping every character', () => {
      for (const text of hostile) {
        const out = exported(text);
        expect(linkSchemes(out).filter((s) => /^(javascript|vbscript|data):$/.test(s)), `${JSON.stringify(text)} exported as ${JSON.stringify(out)}`).to.deep.equal([]);
        expect(shown(out), 'what a viewer shows is what was written').to.equal(text);
      }
      // The checker does find live links: the same text before the export.
      for (const text of ['[x](javascript:alert(1))', '[x](java&#x09;script:alert(1))', '[n]: data:text/html,hi']) {
        expect(linkSchemes(text).filter((s) => s !== 'https:').length, text).to.equal(1);
      }
    });

    it('escapes exactly the bracket that would close the link, in fields and in titles', () => {
      expect(exported('[x](javascript:alert(1))')).to.equal('[x\\](javascript:alert(1))');
      expect(exported('[x](JaVaScRiPt:alert(1))')).to.equal('[x\\](JaVaScRiPt:alert(1))');
      expect(exported('[n]: vbscript:msgbox(1)')).to.equal('[n\\]: vbscript:msgbox(1)');
      expect(exported('a \\](javascript:x)')).to.equal('a \\\\\\](javascript:x)');
      const md = entriesToMarkdown([entry({ title: 'Read [this](data:text/html,hi)' })], undefined, { exportedAt: new Date(at) });
      expect(md).to.contain('## Read [this\\](data:text/html,hi)');
    });

    it('leaves autolinks to those schemes as text, and bare scheme text as written', () => {
      expect(exported('<javascript:alert(1)>')).to.equal('\\<javascript:alert(1)>');
      expect(exported('<DATA:text/html,hi>')).to.equal('\\<DATA:text/html,hi>');
      expect(exported('<vbscript:msgbox(1)>')).to.equal('\\<vbscript:msgbox(1)>');
      // Not a link in CommonMark or GFM (their bare autolinks are www., http(s): and e-mail only).
      expect(exported('I typed javascript:alert(1) by mistake')).to.equal('I typed javascript:alert(1) by mistake');
    });

    it('keeps https:, mailto: and relative links working, inline and by reference', () => {
      const safe = '[my page](https://example.org/a_(b)) · [mail](mailto:me@example.org) · [notes](notes.md) · [ref][r]\n\n[r]: https://example.org/ref';
      const out = exported(safe);
      expect(out).to.equal(safe);
      expect(linkSchemes(out)).to.deep.equal(['https:', 'mailto:', 'https:', 'https:']);
    });
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
