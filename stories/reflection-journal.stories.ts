import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/elements/reflection-journal/define.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import type { ReflectionJournal } from '../src/elements/reflection-journal/reflection-journal.js';
import { journalLock } from '../src/sdk/crypto/journal-lock.js';
import { StorageError } from '../src/sdk/errors.js';
import type { CompassionProgram } from '../src/sdk/program.js';
import type { Program } from '../src/sdk/content/types.js';
import type { EntryDraft } from '../src/sdk/store/records.js';

const DEFAULT_PROGRAM = '/packages/default-program/program.json';
const RTL_PROGRAM = '/content/samples/rtl-program.json';
const STORY_PASSPHRASE = 'story lantern harbour willow';

interface JournalArgs {
  template: string;
  stepId: string;
  groupBy: 'week' | 'date';
  pageSize: number;
  safariWarning: 'auto' | 'always' | 'never';
  theme: '' | 'light' | 'dark';
  embedded: boolean;
}

interface Loaded {
  program: Program;
}

const fetchProgram = async (url: string): Promise<Program> => (await fetch(url)).json() as Promise<Program>;

/** A fresh program object per render: each story gets its own memory-only store. */
const loadDefault = async (): Promise<Loaded> => ({ program: await fetchProgram(DEFAULT_PROGRAM) });

function journal(loaded: Loaded, args: Partial<JournalArgs>): TemplateResult {
  return html`<compassion-program .program=${loaded.program} storage="memory" theme=${ifDefined(args.theme || undefined)}>
    <reflection-journal
      template=${ifDefined(args.template || undefined)}
      step-id=${ifDefined(args.stepId || undefined)}
      group-by=${args.groupBy ?? 'week'}
      page-size=${args.pageSize ?? 50}
      safari-warning=${args.safariWarning ?? 'auto'}
      theme=${ifDefined(args.theme || undefined)}
      ?embedded=${args.embedded ?? false}
    ></reflection-journal>
  </compassion-program>`;
}

/** The journal on a real IndexedDB store of its own (a fresh program id per render), for states that need one. */
function storedJournal(loaded: Loaded, args: Partial<JournalArgs>): TemplateResult {
  const program = { ...loaded.program, id: `story-${crypto.randomUUID()}` };
  return html`<compassion-program .program=${program} theme=${ifDefined(args.theme || undefined)}>
    <reflection-journal template=${ifDefined(args.template || undefined)} safari-warning="never" theme=${ifDefined(args.theme || undefined)}></reflection-journal>
  </compassion-program>`;
}

/** Two reflect steps of week 1 as a course's week shows them: each entry `embedded` in its step's card. */
function weekSteps(loaded: Loaded, args: Partial<JournalArgs>): TemplateResult {
  const step = (kind: string, title: string, stepId: string) => html`<li class="ck-story-step">
    <p class="ck-story-kind">${kind}</p>
    <h4>${title}</h4>
    <reflection-journal embedded step-id=${stepId} safari-warning=${args.safariWarning ?? 'auto'} theme=${ifDefined(args.theme || undefined)}></reflection-journal>
  </li>`;
  return html`<compassion-program .program=${loaded.program} storage="memory" theme=${ifDefined(args.theme || undefined)}>
      <ol class="ck-story-steps">
        ${step('Reflect', 'What brings you here', 'w1-reflect-2')} ${step('Reflect', 'Imagining more kindness', 'w1-reflect-3')}
      </ol>
    </compassion-program>
    <style>
      .ck-story-steps {
        display: grid;
        gap: 1rem;
        max-inline-size: 44rem;
        margin: 0;
        padding: 0;
        list-style: none;
        font-family: system-ui, sans-serif;
      }
      .ck-story-step {
        padding: 1rem 1.25rem;
        border: 1px solid #d9d2c7;
        border-radius: 12px;
      }
      .ck-story-kind {
        margin: 0;
        font-size: 0.85rem;
        color: #5f574d;
      }
      .ck-story-step h4 {
        margin: 0 0 0.75rem;
      }
    </style>`;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the provider's SDK and the journal's first render. */
async function ready(canvas: HTMLElement): Promise<{ sdk: CompassionProgram; el: ReflectionJournal }> {
  const provider = canvas.querySelector<CompassionProgramElement>('compassion-program')!;
  const el = canvas.querySelector<ReflectionJournal>('reflection-journal')!;
  for (let i = 0; i < 250 && !provider.sdk?.journal.snapshot.loaded; i++) await pause(20);
  await el.updateComplete;
  return { sdk: provider.sdk!, el };
}

async function until<T>(check: () => T | null | undefined | false): Promise<T | undefined> {
  for (let i = 0; i < 250; i++) {
    const v = check();
    if (v) return v;
    await pause(20);
  }
  return undefined;
}

function find<T extends Element = HTMLElement>(el: ReflectionJournal, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

function clickButton(el: ReflectionJournal, label: string): void {
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(label))?.click();
}

async function type(el: ReflectionJournal, selector: string, text: string): Promise<void> {
  const field = await until(() => find<HTMLTextAreaElement>(el, selector));
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const DAY = 86_400_000;
const SAMPLES: { templateId: string; title: string; fields: EntryDraft['fields']; tags?: string[] }[] = [
  { templateId: 'free-reflection', title: 'A slower morning', fields: { reflection: 'I let myself have a second cup of tea before opening the laptop. The critic said I was lazy; I noticed it and kept sitting.' }, tags: ['morning'] },
  { templateId: 'weekly-reflection', title: '', fields: { answer: 'When my mind replayed the meeting, I tried to remember that old-brain loops are not my fault.', feelings: ['anxious', 'tender'] }, tags: ['work'] },
  { templateId: 'self-criticism-log', title: 'Burnt the dinner', fields: { situation: 'Cooking for friends, I burnt the rice.', 'critic-words': 'You can’t even do the simple things.', tone: 'contemptuous', feelings: ['ashamed', 'small'], 'compassionate-response': 'Anyone cooking for six while tired could burn the rice. They came for you, not for the rice.' }, tags: ['home', 'friends'] },
  { templateId: 'three-systems-check-in', title: '', fields: { threat: 6, drive: 4, soothing: 3, note: 'Threat up after the phone call; soothing came back on the walk.' } },
  { templateId: 'compassionate-letter', title: 'To me, after a hard week', fields: { writer: 'My compassionate self', letter: 'Dear me,\nI know that lately you have felt you are falling behind. It makes sense: you have been carrying a lot, mostly alone.\nWith warmth, always on your side.' }, tags: ['letters'] },
  { templateId: 'after-practice-check-in', title: '', fields: { feeling: 'calmer', note: 'The soothing rhythm felt awkward at first, then easier.' } },
];

/** Saves `count` entries spread over the weeks and the last months, written like real ones. */
async function seed(sdk: CompassionProgram, count: number): Promise<void> {
  const weeks = sdk.content.program.weeks;
  const now = Date.now();
  const entries = Array.from({ length: count }, (_, i) => {
    const s = SAMPLES[i % SAMPLES.length]!;
    const at = now - (count - i) * 1.7 * DAY;
    return { id: `story-${i}`, templateId: s.templateId, title: s.title, fields: s.fields, tags: s.tags ?? [], weekId: weeks[Math.min(weeks.length - 1, Math.floor((i / count) * weeks.length))]!.id, createdAt: at, updatedAt: at, revision: 1 };
  });
  await sdk.backup.import({ format: 'compassion-kit-backup', formatVersion: 1, programId: sdk.id, exportedAt: new Date().toISOString(), databaseVersion: 2, stores: { entries } });
}

const meta: Meta<JournalArgs> = {
  title: 'Elements/reflection-journal',
  component: 'reflection-journal',
  tags: ['autodocs'],
  loaders: [loadDefault],
  args: { template: '', stepId: '', groupBy: 'week', pageSize: 50, safariWarning: 'auto', theme: '', embedded: false },
  argTypes: {
    template: { control: 'select', options: ['', 'free-reflection', 'weekly-reflection', 'compassionate-letter', 'self-criticism-log', 'three-systems-check-in', 'after-practice-check-in'] },
    stepId: { name: 'step-id', control: 'text' },
    groupBy: { name: 'group-by', control: 'inline-radio', options: ['week', 'date'] },
    pageSize: { name: 'page-size', control: { type: 'number', min: 1 } },
    safariWarning: { name: 'safari-warning', control: 'inline-radio', options: ['auto', 'always', 'never'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    embedded: { control: 'boolean', description: 'Part of a larger widget: no support button, header row, landmark or host-wide banners of its own; headings from h5.' },
  },
  parameters: { docs: { description: { component: 'Stories keep entries in memory only, so each shows the honest “not kept on this device” banner.' } } },
  render: (args, { loaded }) => journal(loaded as Loaded, args),
};
export default meta;
type Story = StoryObj<JournalArgs>;

/** A first visit: an empty journal with a start button for each template. */
export const Empty: Story = {};

/** Fifty entries over fourteen weeks, newest first, grouped by week. */
export const FiftyEntries: Story = {
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    await seed(sdk, 50);
  },
};

/** The same fifty entries grouped by day, searched for "critic". */
export const SearchGroupedByDate: Story = {
  args: { groupBy: 'date' },
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await seed(sdk, 50);
    (await until(() => find<HTMLButtonElement>(el, '#find-button')))?.click();
    await type(el, '#search', 'critic');
  },
};

/** Free reflection, as a course step or a page would embed it. */
export const FreeReflection: Story = { args: { template: 'free-reflection' } };

/** The week's reflection for step w1-reflect-2: its prompt above the entry, feelings as chips. */
export const WeeklyReflection: Story = { args: { stepId: 'w1-reflect-2' } };

/** The compassionate letter: who is writing, then one writing area under its guidance (a list of the letter's steps, which folds away). */
export const CompassionateLetter: Story = { args: { template: 'compassionate-letter' } };

/** The self-criticism log: situation, the critic's words, its tone, what it wants or fears, feelings, a compassionate response. */
export const SelfCriticismLog: Story = { args: { template: 'self-criticism-log' } };

/** Threat, drive and soothing on 0–10 scales (radio groups with labelled ends) and a note. */
export const ThreeSystemsCheckIn: Story = { args: { stepId: 'w1-reflect-1' } };

/** The short check-in after a practice. */
export const AfterPracticeCheckIn: Story = { args: { template: 'after-practice-check-in' } };

/** "Saving…": the write has not committed yet (here it never does). */
export const SaveStateSaving: Story = {
  args: { template: 'free-reflection' },
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    sdk.journal.save = () => new Promise(() => undefined);
    await type(el, 'textarea', 'Words on their way to storage…');
  },
};

/** "Saved at 12:03": shown only once the strict-durability write to IndexedDB has committed. */
export const SaveStateSaved: Story = {
  args: { template: 'free-reflection' },
  render: (args, { loaded }) => storedJournal(loaded as Loaded, args),
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await type(el, 'textarea', 'Safely stored.');
    await el.save();
  },
};

/** Memory-only mode never says "Saved": the text is kept only until the page closes. */
export const SaveStateMemoryOnly: Story = {
  args: { template: 'free-reflection' },
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await type(el, 'textarea', 'Only for this visit.');
    await el.save();
  },
};

/**
 * The line shown after text typed on a page that closed before saving was found again (its
 * write-ahead copy, left in localStorage by that page, is saved on the next open).
 */
export const RecoveredAfterClosedTab: Story = {
  loaders: [
    async () => {
      const program = await fetchProgram(DEFAULT_PROGRAM);
      program.id = `story-${crypto.randomUUID()}`;
      const entry = { id: 'story-recovered', templateId: 'free-reflection', title: 'On the train', fields: { reflection: 'I closed the laptop mid-sentence, and the words were still here.' }, tags: [] };
      // The copy a closed tab left behind: plain, because the lock is off.
      localStorage.setItem(
        `compassion-kit:draft:${program.id}:entry:closed-tab:${entry.id}`,
        JSON.stringify({ v: 1, kind: 'entry', id: entry.id, tab: 'closed-tab', seq: 1, at: Date.now() - 5 * 60_000, plain: { entry } }),
      );
      return { program };
    },
  ],
  render: (args, { loaded }) => html`<compassion-program .program=${(loaded as Loaded).program}>
    <reflection-journal safari-warning="never" theme=${ifDefined(args.theme || undefined)}></reflection-journal>
  </compassion-program>`,
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await until(() => find(el, '[part="recovered"]'));
  },
};

/** "Not saved — retrying": a write failed; the text stays and saving is tried again. */
export const SaveStateRetrying: Story = {
  args: { template: 'free-reflection' },
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    sdk.journal.save = () => Promise.reject(new StorageError('write-failed', 'Storage failed while saving your entry: the connection was lost.'));
    await type(el, 'textarea', 'Still here, still on screen.');
  },
};

/** "Storage full — export your entries", with the storage-full banner. */
export const SaveStateStorageFull: Story = {
  args: { template: 'free-reflection' },
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    sdk.journal.save = () => Promise.reject(new StorageError('quota-exceeded', 'Storage is full while saving your entry: nothing was saved. Free some space or export your entries.'));
    sdk.storage.update({ ...sdk.storage.snapshot, full: true });
    await type(el, 'textarea', 'A long letter that did not fit.');
  },
};

/** "Edited in another tab": two widgets on one entry; the second has to choose. */
export const SaveStateConflict: Story = {
  render: (_args, { loaded }) => html`<compassion-program .program=${(loaded as Loaded).program} storage="memory">
    <reflection-journal step-id="w2-reflect-1" heading="First tab"></reflection-journal>
    <reflection-journal step-id="w2-reflect-1" heading="Second tab"></reflection-journal>
  </compassion-program>`,
  play: async ({ canvasElement }) => {
    const { el: first } = await ready(canvasElement);
    const second = canvasElement.querySelectorAll<ReflectionJournal>('reflection-journal')[1]!;
    await type(first, 'textarea', 'Started here.');
    await first.save();
    await until(() => find<HTMLTextAreaElement>(second, 'textarea')?.value === 'Started here.');
    await type(second, 'textarea', 'Started here, and this tab added a line.');
    await type(first, 'textarea', 'Started here, and the first tab changed it.');
    await first.save();
  },
};

/** Every storage banner at once: memory only, storage full, another tab blocking an update, Safari's seven days. */
export const StorageWarnings: Story = {
  args: { safariWarning: 'always' },
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    await seed(sdk, 3);
    sdk.storage.update({ ...sdk.storage.snapshot, full: true, blocked: true });
  },
};

/** Safari's warning alone: seven days without a visit can erase the journal, so save a backup. */
export const SafariWarning: Story = {
  render: (args, { loaded }) => html`<compassion-program .program=${(loaded as Loaded).program}>
    <reflection-journal safari-warning="always" theme=${ifDefined(args.theme || undefined)}></reflection-journal>
  </compassion-program>`,
};

/** Locked by passphrase: only the unlock form is shown (the passphrase is "story lantern harbour willow"). */
export const Locked: Story = {
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    await seed(sdk, 6);
    const lock = journalLock(sdk);
    await lock.enable(STORY_PASSPHRASE, { autoLockMinutes: null });
    await lock.lock();
  },
};

/** Setting up the lock: passphrase twice, a strength hint, auto-lock, and the plain warning about a lost passphrase. */
export const LockSetup: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    clickButton(el, 'Privacy lock');
    await type(el, '#enable-passphrase', 'harbour willow');
  },
};

/** The lock is on and open: lock now, auto-lock time, change passphrase, turn off. */
export const LockManage: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await journalLock(sdk).enable(STORY_PASSPHRASE, { autoLockMinutes: 15 });
    clickButton(el, 'Privacy lock');
  },
};

/** An entry open in the editor, with its history of earlier versions. */
export const EntryWithHistory: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    let e = await sdk.journal.save({ templateId: 'free-reflection', title: 'Three drafts', fields: { reflection: 'First attempt.' }, tags: ['drafts'] });
    e = await sdk.journal.save({ ...e, fields: { reflection: 'Second attempt, a little kinder.' } });
    await sdk.journal.save({ ...e, fields: { reflection: 'Third attempt: kinder still, and honest.' } });
    await el.updateComplete;
    clickButton(el, 'Three drafts');
    await until(() => find(el, '[part="editor"]'));
    clickButton(el, 'History');
  },
};

/** What a chosen backup holds before importing: counts, dates, duplicates, damaged records. */
export const ImportPreview: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await seed(sdk, 12);
    const doc = await sdk.backup.export();
    doc.stores.entries!.push({ id: 'half-written', templateId: 'free-reflection' } as never);
    clickButton(el, 'Backup and import');
    const input = await until(() => find<HTMLInputElement>(el, '#import-file'));
    if (!input) return;
    const files = new DataTransfer();
    files.items.add(new File([JSON.stringify(doc)], 'journal-backup.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
  },
};

/** "Prepare to share with my clinician": two entries chosen, and the exact text of the file. */
export const ShareWithClinician: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await seed(sdk, 6);
    clickButton(el, 'Share with my clinician');
    // The share panel loads on first use.
    await until(() => find(el, '#share-story-2'));
    for (const id of ['story-2', 'story-4']) find<HTMLInputElement>(el, `#share-${id}`)?.click();
  },
};

/** Recently deleted, with restore and delete-for-good. */
export const RecentlyDeleted: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await seed(sdk, 4);
    await sdk.journal.delete('story-1');
    await sdk.journal.delete('story-3');
    clickButton(el, 'Recently deleted');
  },
};

/** The print view; printing (or "Save as PDF") hides every control. */
export const PrintView: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await seed(sdk, 3);
    el.openPrint();
  },
};

/** Dark theme, with entries and a letter open. */
export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style=${styleMap({ background: '#1b1d1f', padding: '1rem' })}>${story()}</div>`],
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await seed(sdk, 6);
    clickButton(el, 'To me, after a hard week');
  },
};

/** The Arabic sample program, right to left: layout mirrors, and text fields follow the writer's direction. */
export const RightToLeft: Story = {
  parameters: { direction: 'rtl' },
  loaders: [async () => ({ program: await fetchProgram(RTL_PROGRAM) })],
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    const week = sdk.content.program.weeks[0]!.id;
    await sdk.journal.save({ templateId: 'weekly-reflection', title: 'لحظة هدوء', fields: { answer: 'لاحظت أن الناقد الداخلي كان أهدأ اليوم.', feelings: [] }, tags: ['صباح'], weekId: week });
    await sdk.journal.save({ templateId: 'weekly-reflection', title: 'Mixed languages', fields: { answer: 'English and العربية in one entry.' }, weekId: week });
    await el.updateComplete;
  },
};

/** The week's reflection embedded right to left, as the Arabic course shows it. */
export const RightToLeftStep: Story = {
  parameters: { direction: 'rtl' },
  loaders: [async () => ({ program: await fetchProgram(RTL_PROGRAM) })],
  args: { stepId: 'w1-reflect-1', embedded: true },
};

/**
 * Two entries `embedded` in a week, as `<compassion-course>` shows them: no "Need support now?",
 * header row or "not kept on this device" banner of their own (the course has them), an `h5`
 * heading each, and "close other tabs" only once, on the first.
 */
export const EmbeddedInAWeek: Story = {
  args: { safariWarning: 'never' },
  render: (args, { loaded }) => weekSteps(loaded as Loaded, args),
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    sdk.storage.update({ ...sdk.storage.snapshot, blocked: true });
    const first = canvasElement.querySelector<ReflectionJournal>('reflection-journal')!;
    await type(first, 'textarea', 'To be a little less harsh with myself when things go wrong.');
    await first.save();
  },
};

/** Embedded entries when storage is full: the banner and "Save a backup" show on the entry whose save failed, not on the others. */
export const EmbeddedStorageFull: Story = {
  args: { safariWarning: 'never' },
  render: (args, { loaded }) => weekSteps(loaded as Loaded, args),
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    const second = canvasElement.querySelectorAll<ReflectionJournal>('reflection-journal')[1]!;
    sdk.journal.save = () => Promise.reject(new StorageError('quota-exceeded', 'Storage is full while saving your entry: nothing was saved. Free some space or export your entries.'));
    sdk.storage.update({ ...sdk.storage.snapshot, full: true });
    await type(second, 'textarea', 'Hope, mostly, and a little doubt.');
  },
};

/** A 320 px column: the list wraps and nothing scrolls sideways. */
export const Narrow320: Story = {
  render: (args, { loaded }) => html`<div style=${styleMap({ inlineSize: '320px', border: '1px dashed #857b6e' })}>${journal(loaded as Loaded, args)}</div>`,
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    await seed(sdk, 8);
  },
};

/** The self-criticism log in a 320 px column. */
export const Narrow320Entry: Story = {
  ...Narrow320,
  args: { template: 'self-criticism-log' },
  play: undefined,
};

const PHONE_VIEWPORTS = {
  phone320: { name: 'Phone 320 × 568', styles: { width: '320px', height: '568px' }, type: 'mobile' },
  phone375: { name: 'Phone 375 × 667', styles: { width: '375px', height: '667px' }, type: 'mobile' },
};

/**
 * A reflection step on a 320 px phone, as a course week embeds it: the prompt, the three 0–10
 * scales each on one row with their end labels above, the save state in words, and "More" (title,
 * tags, History, Delete) closed.
 */
export const ReflectionStepOnAPhone: Story = {
  args: { stepId: 'w1-reflect-1', embedded: true, safariWarning: 'never' },
  parameters: { layout: 'fullscreen', viewport: { options: PHONE_VIEWPORTS } },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

/** The same step with "More" open, after an answer was saved. */
export const ReflectionStepMoreOpen: Story = {
  ...ReflectionStepOnAPhone,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const el = canvasElement.querySelector<ReflectionJournal>('reflection-journal')!;
    await type(el, 'textarea', 'Threat eased after the walk.');
    await el.save();
    (await until(() => find<HTMLButtonElement>(el, '[part="more-button"]')))?.click();
  },
};

/** Ten untitled answers to ten different prompts, as a course leaves them. */
async function seedAnswers(sdk: CompassionProgram): Promise<void> {
  const steps = ['w1-reflect-2', 'w2-reflect-1', 'w3-reflect-2', 'w4-reflect-1', 'w5-reflect-2', 'w6-reflect-1', 'w7-reflect-1', 'w8-reflect-2', 'w9-reflect-2', 'w13-reflect-1'];
  for (const stepId of steps) {
    const { step, week } = sdk.content.step(stepId)!;
    const answer = SAMPLES[1]!.fields.answer as string;
    await sdk.journal.save({ templateId: 'weekly-reflection', title: '', stepId, weekId: week.id, prompt: (step as { prompt: string }).prompt, fields: { answer: `${week.title}: ${answer}`, feelings: ['tender'] } });
  }
}

/**
 * The whole journal on a 320 × 568 phone with ten entries (issue 12): the sections behind one
 * button, "New entry" and "Search" on one row, and the first entry, named by its first words with
 * the prompt it answers, on the first screen.
 */
export const PhoneTenEntries: Story = {
  args: { safariWarning: 'never' },
  parameters: { layout: 'fullscreen', viewport: { options: PHONE_VIEWPORTS } },
  globals: { viewport: { value: 'phone320', isRotated: false } },
  play: async ({ canvasElement }) => {
    const { sdk } = await ready(canvasElement);
    await seedAnswers(sdk);
  },
};

/** The same phone at 375 × 667. */
export const Phone375TenEntries: Story = { ...PhoneTenEntries, globals: { viewport: { value: 'phone375', isRotated: false } } };

/** On a phone, "New entry" open: one button per template. */
export const PhoneNewEntryMenu: Story = {
  ...PhoneTenEntries,
  play: async (context) => {
    await PhoneTenEntries.play!(context);
    const el = context.canvasElement.querySelector<ReflectionJournal>('reflection-journal')!;
    (await until(() => find<HTMLButtonElement>(el, '#new-button')))?.click();
  },
};

/** On a phone, "Search" open: the search field, the filters and the grouping (loaded when first opened), one filter on. */
export const PhoneSearchAndFilters: Story = {
  ...PhoneTenEntries,
  play: async (context) => {
    await PhoneTenEntries.play!(context);
    const el = context.canvasElement.querySelector<ReflectionJournal>('reflection-journal')!;
    (await until(() => find<HTMLButtonElement>(el, '#find-button')))?.click();
    const week = await until(() => find<HTMLSelectElement>(el, '#filter-week'));
    if (!week) return;
    week.value = 'week-3';
    week.dispatchEvent(new Event('change', { bubbles: true }));
  },
};

/** On a phone, the "Sections" menu open: Entries (current), Recently deleted, Share with my clinician, Backup and import, Privacy lock. */
export const PhoneSectionsMenu: Story = {
  ...PhoneTenEntries,
  play: async (context) => {
    await PhoneTenEntries.play!(context);
    const el = context.canvasElement.querySelector<ReflectionJournal>('reflection-journal')!;
    (await until(() => find<HTMLButtonElement>(el, '#sections-button')))?.click();
  },
};

/** A new compassionate letter on a phone, its guidance folded away: the whole screen is for writing. */
export const PhoneLetterGuidanceFolded: Story = {
  args: { template: 'compassionate-letter', safariWarning: 'never' },
  parameters: { layout: 'fullscreen', viewport: { options: PHONE_VIEWPORTS } },
  globals: { viewport: { value: 'phone320', isRotated: false } },
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    const guidance = await until(() => find<HTMLDetailsElement>(el, 'details.guidance'));
    if (guidance) guidance.open = false;
  },
};

/** A letter written before the template became one writing area: its five parts still open, each with its words and a label. */
export const LetterInTheOldFiveParts: Story = {
  play: async ({ canvasElement }) => {
    const { sdk, el } = await ready(canvasElement);
    await sdk.journal.save({
      templateId: 'compassionate-letter',
      title: '',
      fields: {
        writer: 'An imagined compassionate other',
        struggle: 'I know that lately you have felt you are falling behind.',
        acknowledging: 'It makes sense that this hurts.',
        understanding: 'You have been carrying a lot, mostly alone.',
        encouragement: 'Rest tonight, and ask one friend for help tomorrow.',
        closing: 'With warmth, always on your side.',
      },
    });
    (await until(() => find<HTMLButtonElement>(el, '.card-title button')))?.click();
  },
};
