import { expect } from 'chai';
import { html } from 'lit';
// The real course, player and journal: the sample must render as a clinic would embed it.
import '../../../src/define.js';
import type { CompassionCourseElement } from '../../../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import { parseWebVtt } from '../../../src/sdk/audio/webvtt.js';
import { markdownText } from '../../../src/sdk/content/markdown.js';
import type { Program, Week } from '../../../src/sdk/content/types.js';
import { validateProgram } from '../../../src/sdk/content/validate.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';
import { rendered } from '../../helpers/course-object.js';
import { uniqueProgramId } from '../../fixtures/course-program.js';

/** The Spanish sample program (issue 14, item 4): a full translation of the default program, with its own recordings. */
const PROGRAM_URL = '/content/samples/es-program.json';
const ENGLISH_URL = '/packages/default-program/program.json';

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const theoryWords = (week: Week) => week.theory.reduce((n, s) => n + words(markdownText(s.body)), 0);

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** Fields that hold ids, kinds, URLs, numbers or codes rather than words for the participant. */
const NOT_TEXT = /(^|\.)(id|kind|meditation|template|type|src|locale|dir|policy|version|website|registerUrl|email|url|phone|text)$/;

/** Everything a clinic compares between the two programs: ids, kinds, references, field types, in order. */
function skeleton(program: Program) {
  return {
    weeks: program.weeks.map((w) => ({
      id: w.id,
      number: w.number,
      keyIdeas: w.keyIdeas?.length,
      theory: w.theory.length,
      steps: w.steps.map((s) => ({ id: s.id, kind: s.kind, meditation: 'meditation' in s ? s.meditation : undefined, template: 'template' in s ? s.template : undefined })),
    })),
    meditations: program.meditations.map((m) => ({ id: m.id, audio: m.audio.map((a) => a.type), chapters: m.chapters?.length })),
    templates: program.templates.map((t) => ({ id: t.id, fields: t.fields.map((f) => ({ id: f.id, type: f.type, required: f.required, options: 'options' in f ? f.options?.length : undefined })) })),
    support: program.support?.resources.length,
    unlock: program.unlock,
  };
}

/** Words from the outline in PRODUCT.md, in Spanish, that each week's text must touch. */
const TEMAS: Record<number, RegExp[]> = {
  1: [/sufrimiento/i, /Terapia Centrada en la Compasión|CFT/, /crític/i, /grupo/i],
  2: [/cerebro complicado|evolución/i, /cerebro antiguo/i, /cerebro nuevo|imagin/i, /no es (tu|nuestra) culpa/i, /responsabilidad/i],
  3: [/amenaza/i, /impulso/i, /calma/i],
  4: [/atención plena/i, /sin juzgar/i],
  5: [/segur/i, /recib/i],
  6: [/sabiduría/i, /fortaleza/i, /compromiso/i],
  7: [/enfadad/i, /ansios/i, /triste/i],
  8: [/crític/i, /autocorrección/i],
  9: [/vergüenza/i, /culpa/i],
  10: [/carta/i],
  11: [/asertiv/i],
  12: [/perd[oó]n/i],
  13: [/futuro/i, /flujos/i],
  14: [/plan/i, /tropiezo/i],
};

describe('the Spanish sample program (content/samples/es-program.json)', () => {
  let program: Program;
  let warnings: readonly unknown[];
  let english: Program;
  let base: URL;

  before(async () => {
    const response = await fetch(PROGRAM_URL);
    base = new URL(response.url);
    ({ program, warnings } = validateProgram(await response.json()));
    english = validateProgram(await (await fetch(ENGLISH_URL)).json()).program;
  });

  it('validates without errors or warnings, as a Spanish, left-to-right program of its own', () => {
    expect(warnings).to.deep.equal([]);
    expect(program.locale).to.equal('es');
    expect(program.dir).to.equal('ltr');
    expect(program.id).to.not.equal(english.id);
  });

  it('keeps the English program\'s structure and ids, so a clinic can compare the two', () => {
    expect(skeleton(program)).to.deep.equal(skeleton(english));
  });

  it('has no English left in any text a participant reads', () => {
    const englishWord = /\b(the|and|you|your|with|this|week|what|how|step|listen|read)\b/i;
    for (const [path, value] of strings(program)) {
      if (NOT_TEXT.test(path)) continue;
      expect(value, path).to.not.match(englishWord);
    }
  });

  it('says it is sample content, a translation awaiting review by a native-speaking clinician, with a synthetic voice, and that it does not replace therapy', () => {
    expect(program.disclaimer).to.match(/contenido de ejemplo/i).and.match(/revisión/i).and.match(/lengua materna/i);
    expect(program.disclaimer).to.match(/voz sintética/i).and.match(/no sustituye/i);
  });

  it('names a fictional clinic, and crisis resources whose placeholders are marked and carry no invented number', () => {
    expect(program.clinic?.name).to.match(/ejemplo|ficticia/i);
    expect(program.clinic?.registerUrl).to.match(/^https:\/\//);
    expect(program.support?.intro).to.match(/emergencia/i);
    const placeholders = program.support!.resources.filter((r) => /^\[Clínica:/.test(r.label));
    expect(placeholders).to.have.length(2);
    for (const r of placeholders) {
      expect(r.description).to.match(/Marcador de posición/).and.match(/\[[^\]]+ de su país\]/);
      expect(r.phone, r.label).to.equal(undefined);
      expect(r.text, r.label).to.equal(undefined);
    }
  });

  it('has fourteen weeks numbered in order', () => {
    expect(program.weeks.map((w) => w.number)).to.deep.equal(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  for (let n = 1; n <= 14; n++) {
    it(`week ${n}: a one-sentence summary, a full theory overview, prompts to write to, a concrete practice, and its theme`, () => {
      const week = program.weeks[n - 1]!;
      const summary = week.summary.trim();
      expect(summary).to.match(/[.!?]$/);
      expect(summary.split(/(?<=[.!?])\s+(?=[¿¡]?\p{Lu})/u), summary).to.have.length(1);
      // Spanish takes a few more words than English for the same text.
      const count = theoryWords(week);
      expect(count, `${count} words`).to.be.within(300, 750);
      for (const step of week.steps) if (step.kind === 'reflect') expect(words(step.prompt), step.prompt).to.be.at.least(6);
      const practice = week.steps.find((s) => s.kind === 'practice')!;
      expect(words(markdownText(practice.body ?? ''))).to.be.at.least(20);
      const all = [week.title, week.summary, ...(week.keyIdeas ?? []), ...week.theory.map((s) => `${s.title} ${markdownText(s.body)}`)].join(' ');
      for (const tema of TEMAS[n]!) expect(all, String(tema)).to.match(tema);
    });
  }

  describe('recordings', () => {
    it('every meditation has a Spanish transcript that fits inside its recording', async () => {
      for (const m of program.meditations) {
        const response = await fetch(new URL(m.transcript!.src!, base));
        expect(response.ok, m.transcript!.src).to.equal(true);
        const cues = parseWebVtt(await response.text());
        expect(cues.length, m.id).to.be.at.least(20);
        expect(cues.map((c) => c.text).join(' '), m.id).to.match(/[áéíóúñ¿]/);
        expect(cues.at(-1)!.end, m.id).to.be.lessThan(m.duration);
        for (const c of cues) expect(c.end, `${m.id} ${c.text}`).to.be.greaterThan(c.start);
      }
    });

    it('every audio file is there, and its length is the duration the program states', async function () {
      this.timeout(60_000);
      for (const m of program.meditations) {
        for (const source of m.audio) {
          const url = new URL(source.src, base).href;
          const head = await fetch(url, { method: 'HEAD' });
          expect(head.ok, url).to.equal(true);
          const audio = new Audio();
          audio.preload = 'metadata';
          audio.src = url;
          await waitFor(() => Number.isFinite(audio.duration) && audio.duration > 0, `${url} to know its length`, 10_000);
          expect(audio.duration, url).to.be.closeTo(m.duration, 1);
          expect(m.duration, m.id).to.be.within(180, 400);
          audio.removeAttribute('src');
          audio.load();
        }
      }
    });

    it('a recording plays', async () => {
      const m = program.meditations[0]!;
      const audio = new Audio(new URL(m.audio[0]!.src, base).href);
      audio.muted = true;
      await audio.play();
      await waitFor(() => audio.currentTime > 0.3, 'playback to advance');
      audio.pause();
    });

    it('the chapters of "Cultivar la compasión" are in Spanish and in order', () => {
      const m = program.meditations.find((x) => x.id === 'cultivating-compassion')!;
      expect(m.chapters?.map((c) => c.title)).to.deep.equal(['Asentarse', 'Compasión hacia los demás', 'Compasión desde los demás', 'Compasión hacia ti', 'Cierre']);
      const starts = m.chapters!.map((c) => c.start);
      expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    });
  });

  describe('in <compassion-course>', () => {
    let provider: CompassionProgramElement | undefined;
    afterEach(() => {
      provider?.sdk?.close();
      cleanup();
    });

    it('renders every week, in Spanish, with its player and journals', async function () {
      this.timeout(120_000);
      const copy = { ...structuredClone(program), id: uniqueProgramId('es-sample') };
      provider = await fixture<CompassionProgramElement>(html`<compassion-program src=${PROGRAM_URL} .program=${copy} storage="memory">
        <compassion-course></compassion-course>
      </compassion-program>`);
      const course = provider.querySelector<CompassionCourseElement>('compassion-course')!;
      await waitFor(() => course.shadowRoot!.querySelector('[part~="overview"]'), 'the course overview');
      expect(course.shadowRoot!.textContent).to.include(program.title);
      for (const week of program.weeks) {
        course.openWeek(week.number);
        await rendered(course);
        const root = course.shadowRoot!;
        await waitFor(() => root.textContent!.includes(week.title), `week ${week.number}'s title`);
        const players = [...root.querySelectorAll('meditation-player')];
        const journals = [...root.querySelectorAll('reflection-journal')];
        expect(players, `week ${week.number} players`).to.have.length(1);
        expect(journals.length, `week ${week.number} journals`).to.equal(week.steps.filter((s) => s.kind === 'reflect').length);
        const step = week.steps.find((s) => s.kind === 'meditate')!;
        const title = program.meditations.find((m) => 'meditation' in step && m.id === step.meditation)!.title;
        await waitFor(() => players[0]!.shadowRoot?.textContent?.includes(title), `week ${week.number}: the player to show "${title}"`, 10_000);
      }
    });
  });
});
