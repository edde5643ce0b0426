import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define.js';

/**
 * Every element in each shipped interface language (docs/translating.md). Spanish and Arabic
 * follow their program's `locale` (and Arabic its `"dir": "rtl"`, on this left-to-right page);
 * German is the Spanish sample program under `lang="de"`, to show that the element's own `lang`
 * wins. The Arabic stories are on a 320 px phone. Content comes from the sample programs; only the
 * interface words come from the catalogs.
 */
const ES_PROGRAM = '/content/samples/es-program.json';
const AR_PROGRAM = '/content/samples/rtl-program.json';

interface Args {
  locale: 'es' | 'de' | 'ar';
}

const meta: Meta<Args> = {
  title: 'Locales',
  args: { locale: 'es' },
  argTypes: { locale: { control: 'inline-radio', options: ['es', 'de', 'ar'] } },
  parameters: { docs: { description: { component: 'Each element in Spanish, German and Arabic. Stories keep data in memory only.' } } },
};
export default meta;
type Story = StoryObj<Args>;

const src = (locale: Args['locale']) => (locale === 'ar' ? AR_PROGRAM : ES_PROGRAM);
const lang = (locale: Args['locale']) => (locale === 'de' ? 'de' : undefined);
const meditation = 'arriving-grounding';

const course = ({ locale }: Args): TemplateResult =>
  html`<compassion-course src=${src(locale)} lang=${ifDefined(lang(locale))} storage="memory"></compassion-course>`;
const player = ({ locale }: Args): TemplateResult =>
  html`<meditation-player src=${src(locale)} lang=${ifDefined(lang(locale))} meditation-id=${meditation} storage="memory"></meditation-player>`;
const timer = ({ locale }: Args): TemplateResult =>
  html`<meditation-player src=${src(locale)} lang=${ifDefined(lang(locale))} mode="timer" storage="memory"></meditation-player>`;
const journal = ({ locale }: Args): TemplateResult =>
  html`<reflection-journal src=${src(locale)} lang=${ifDefined(lang(locale))} storage="memory"></reflection-journal>`;
const log = ({ locale }: Args): TemplateResult => html`<practice-log src=${src(locale)} lang=${ifDefined(lang(locale))} storage="memory"></practice-log>`;
const loadError = ({ locale }: Args): TemplateResult =>
  html`<compassion-course src="/content/samples/no-such-program.json" lang=${locale} storage="memory"></compassion-course>`;

// Arabic on Storybook's 320 × 568 "Small mobile".
const phone = { parameters: { layout: 'fullscreen' }, globals: { viewport: { value: 'mobile1', isRotated: false } } } as const;

export const SpanishCourse: Story = { name: 'Spanish: course', args: { locale: 'es' }, render: course };
export const SpanishPlayer: Story = { name: 'Spanish: player', args: { locale: 'es' }, render: player };
export const SpanishTimer: Story = { name: 'Spanish: timer', args: { locale: 'es' }, render: timer };
export const SpanishJournal: Story = { name: 'Spanish: journal', args: { locale: 'es' }, render: journal };
export const SpanishPracticeLog: Story = { name: 'Spanish: practice log', args: { locale: 'es' }, render: log };

export const GermanCourse: Story = { name: 'German: course', args: { locale: 'de' }, render: course };
export const GermanPlayer: Story = { name: 'German: player', args: { locale: 'de' }, render: player };
export const GermanTimer: Story = { name: 'German: timer', args: { locale: 'de' }, render: timer };
export const GermanJournal: Story = { name: 'German: journal', args: { locale: 'de' }, render: journal };
export const GermanPracticeLog: Story = { name: 'German: practice log', args: { locale: 'de' }, render: log };

export const ArabicCourse: Story = { name: 'Arabic (RTL, phone): course', args: { locale: 'ar' }, render: course, ...phone };
export const ArabicPlayer: Story = { name: 'Arabic (RTL, phone): player', args: { locale: 'ar' }, render: player, ...phone };
export const ArabicTimer: Story = { name: 'Arabic (RTL, phone): timer', args: { locale: 'ar' }, render: timer, ...phone };
export const ArabicJournal: Story = { name: 'Arabic (RTL, phone): journal', args: { locale: 'ar' }, render: journal, ...phone };
export const ArabicPracticeLog: Story = { name: 'Arabic (RTL, phone): practice log', args: { locale: 'ar' }, render: log, ...phone };
/** The calm load error, in Arabic before any program is known (the element's `lang` says which language). */
export const ArabicLoadError: Story = { name: 'Arabic (RTL, phone): load error', args: { locale: 'ar' }, render: loadError, ...phone };
