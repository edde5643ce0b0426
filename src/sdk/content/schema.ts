import {
  AUDIO_TYPES,
  DIRECTIONS,
  FIELD_TYPES,
  PROGRAM_SCHEMA_VERSION,
  SCORING_METHODS,
  THRESHOLD_DIRECTIONS,
  STEP_KINDS,
  UNLOCK_POLICIES,
  type Chapter,
  type Clinic,
  type JournalTemplate,
  type Measure,
  type MeasureItem,
  type Meditation,
  type Program,
  type ScoreBand,
  type Subscale,
  type Support,
  type SupportResource,
  type TheorySection,
  type TranscriptCue,
  type Unlock,
  type Week,
} from './types.js';
import { PROGRAM_LIMITS as L } from './limits.js';
import { groupDigits } from './digits.js';

/**
 * One description of the program format that drives both the runtime validator and the
 * published JSON Schema (docs/program.schema.json), so the two cannot drift apart. The
 * `Shape<T>` type makes the compiler reject a descriptor that misses or invents a field of T.
 */
export type Desc =
  | { t: 'string'; min?: number; max?: number; pattern?: RegExp; hint?: string; enum?: readonly string[]; url?: boolean; markdown?: boolean; date?: boolean; description?: string }
  | { t: 'number'; integer?: boolean; min?: number; max?: number; description?: string }
  | { t: 'boolean'; description?: string }
  | { t: 'const'; value: string | number; description?: string }
  | { t: 'array'; items: Desc; min?: number; max?: number; description?: string }
  | ObjectDesc
  | { t: 'union'; name: string; tag: string; variants: Record<string, ObjectDesc>; description?: string };

export interface ObjectDesc {
  t: 'object';
  name: string;
  props: Record<string, Desc>;
  required: readonly string[];
  description?: string;
}

type Shape<T> = { [K in keyof Required<T>]: Desc };

function object<T>(name: string, props: Shape<T>, required: readonly (keyof T & string)[], description?: string): ObjectDesc {
  return { t: 'object', name, props, required, description };
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const PHONE = /^[+0-9 ()-]{2,}$/;
// Every string has a length limit by kind (limits.ts), so no value is ever too long to quote or render.
/** A short text: a title, label, option or name. */
const str = (extra: Partial<Extract<Desc, { t: 'string' }>> = {}): Desc => ({ t: 'string', min: 1, max: L.shortTextChars, ...extra });
/** A plain paragraph: a summary, description, help or prompt. */
const text = (description?: string): Desc => ({ t: 'string', min: 1, max: L.textChars, description });
const url = (description?: string): Desc => ({ t: 'string', min: 1, max: L.urlChars, url: true, description });
const md = (description?: string): Desc => ({ t: 'string', max: L.markdownChars, markdown: true, description });
const id = (description?: string): Desc => ({ t: 'string', min: 1, max: L.idChars, pattern: ID, hint: 'lowercase letters, digits and dashes', description });
const oneOf = (values: readonly string[]): Desc => ({ t: 'string', max: L.shortTextChars, enum: values });
const seconds = (description?: string): Desc => ({ t: 'number', min: 0, max: L.meditationSeconds, description });
const list = (items: Desc, max: number, min?: number, description?: string): Desc => ({ t: 'array', items, max, ...(min ? { min } : {}), ...(description ? { description } : {}) });

const clinic = object<Clinic>(
  'Clinic',
  {
    name: str(),
    website: url(),
    registerUrl: url('Shown as "Register for the group".'),
    contact: {
      t: 'object',
      name: 'ClinicContact',
      props: { email: str(), phone: str(), address: text() },
      required: [],
    },
  },
  ['name'],
);

const resource = object<SupportResource>(
  'SupportResource',
  { label: str(), description: text(), phone: str({ pattern: PHONE, hint: 'digits, spaces and + ( ) -' }), text: str({ pattern: PHONE, hint: 'digits, spaces and + ( ) -' }), url: url(), region: str() },
  ['label'],
);

const riskCheck: Desc = {
  t: 'object',
  name: 'RiskCheck',
  props: {
    enabled: { t: 'boolean', description: 'false turns the on-device check of the participant\'s words off.' },
    phrases: list(str(), L.riskPhrases, undefined, 'Phrases in the program\'s language, matched as whole words, case and accents ignored; a trailing * matches word endings.'),
    useDefaults: { t: 'boolean', description: 'false leaves out the built-in English list.' },
  },
  required: [],
  description: 'When saved text holds one of these phrases, the support resources are offered once. Nothing is stored or sent.',
};
const support = object<Support>('Support', { title: str(), intro: md(), resources: list(resource, L.supportResources, 1), riskCheck }, ['resources']);

const unlock = object<Unlock>(
  'Unlock',
  { policy: oneOf(UNLOCK_POLICIES), startDate: str({ date: true, description: 'YYYY-MM-DD, local time; `weekly` only.' }) },
  ['policy'],
);

const section = object<TheorySection>('TheorySection', { title: str(), body: md() }, ['title', 'body']);

const stepCommon = { id: id(), title: str(), body: md() };
const step: Desc = {
  t: 'union',
  name: 'Step',
  tag: 'kind',
  variants: {
    read: { t: 'object', name: 'ReadStep', props: { ...stepCommon, kind: { t: 'const', value: 'read' } }, required: ['id', 'kind', 'title'] },
    meditate: {
      t: 'object',
      name: 'MeditateStep',
      props: { ...stepCommon, kind: { t: 'const', value: 'meditate' }, meditation: id('Id of an entry in `meditations`.') },
      required: ['id', 'kind', 'title', 'meditation'],
    },
    reflect: {
      t: 'object',
      name: 'ReflectStep',
      props: { ...stepCommon, kind: { t: 'const', value: 'reflect' }, template: id('Id of an entry in `templates`.'), prompt: text() },
      required: ['id', 'kind', 'title', 'template', 'prompt'],
    },
    practice: { t: 'object', name: 'PracticeStep', props: { ...stepCommon, kind: { t: 'const', value: 'practice' } }, required: ['id', 'kind', 'title'] },
    measure: {
      t: 'object',
      name: 'MeasureStep',
      props: { ...stepCommon, kind: { t: 'const', value: 'measure' }, measure: id('Id of an entry in `measures`; the week must be one of the measure\'s `weeks`.') },
      required: ['id', 'kind', 'title', 'measure'],
    },
  },
};

const week = object<Week>(
  'Week',
  {
    id: id(),
    number: { t: 'number', integer: true, min: 1, max: L.weeks },
    title: str(),
    summary: text(),
    keyIdeas: list(str(), L.keyIdeasPerWeek),
    theory: list(section, L.theoryPerWeek),
    steps: list(step, L.stepsPerWeek, 1),
  },
  ['id', 'number', 'title', 'summary', 'theory', 'steps'],
);

const cue = object<TranscriptCue>('TranscriptCue', { start: seconds(), end: seconds(), text: text() }, ['start', 'end', 'text']);
const chapter = object<Chapter>('Chapter', { start: seconds(), title: str() }, ['start', 'title']);

const meditation = object<Meditation>(
  'Meditation',
  {
    id: id(),
    title: str(),
    description: text(),
    duration: { t: 'number', min: 1, max: L.meditationSeconds, description: 'Seconds.' },
    audio: list({ t: 'object', name: 'AudioSource', props: { src: url(), type: oneOf(AUDIO_TYPES) }, required: ['src', 'type'] }, L.audioSources, 1),
    transcript: { t: 'object', name: 'Transcript', props: { src: url('A WebVTT file.'), cues: list(cue, L.transcriptCues) }, required: [] },
    chapters: list(chapter, L.chapters),
  },
  ['id', 'title', 'duration', 'audio'],
);

const fieldCommon = { id: id(), label: str(), help: text(), required: { t: 'boolean' } } as const;
const textField: ObjectDesc = {
  t: 'object',
  name: 'TextField',
  props: { ...fieldCommon, type: oneOf(['text', 'longtext']), placeholder: str() },
  required: ['id', 'type', 'label'],
};
const templateField: Desc = {
  t: 'union',
  name: 'TemplateField',
  tag: 'type',
  variants: {
    text: textField,
    longtext: textField,
    scale: {
      t: 'object',
      name: 'ScaleField',
      props: { ...fieldCommon, type: { t: 'const', value: 'scale' }, min: { t: 'number', integer: true }, max: { t: 'number', integer: true }, minLabel: str(), maxLabel: str() },
      required: ['id', 'type', 'label', 'min', 'max'],
      description: `One radio button per whole number from min to max: max > min, and at most ${L.scaleSteps} steps (max − min + 1).`,
    },
    choice: {
      t: 'object',
      name: 'ChoiceField',
      props: { ...fieldCommon, type: oneOf(['choice', 'emotions']), options: list(str(), L.optionsPerField, 1) },
      required: ['id', 'type', 'label', 'options'],
    },
  },
};
// `emotions` shares the choice shape.
(templateField as { variants: Record<string, ObjectDesc> }).variants.emotions = (templateField as { variants: Record<string, ObjectDesc> }).variants.choice!;

const template = object<JournalTemplate>(
  'JournalTemplate',
  { id: id(), title: str(), guidance: md(), fields: list(templateField, L.fieldsPerTemplate, 1) },
  ['id', 'title', 'fields'],
);

const scoreNumber: Desc = { t: 'number', min: -1_000_000, max: 1_000_000 };
const band = object<ScoreBand>('ScoreBand', { min: scoreNumber, max: scoreNumber, label: str(), text: text() }, ['min', 'max', 'label'], 'A score range (both ends included) and the clinic\'s words for it.');
const bands = list(band, L.bands);

const measure = object<Measure>(
  'Measure',
  {
    id: id(),
    title: str(),
    instructions: md(),
    notice: text('Where the items come from, and whether the questionnaire is a validated instrument; shown with the score.'),
    scale: list(object('ResponseOption', { value: { t: 'number', integer: true, min: -1000, max: 1000 }, label: str() }, ['value', 'label']), L.scaleOptions, 2, 'The answers every item offers, in the order shown.'),
    items: list(
      object<MeasureItem>(
        'MeasureItem',
        {
          id: id(),
          text: text(),
          reverse: { t: 'boolean', description: 'Scored the other way round: an answer v counts as (lowest + highest - v).' },
          threshold: {
            t: 'object',
            name: 'ItemThreshold',
            props: { value: { t: 'number', integer: true }, direction: oneOf(THRESHOLD_DIRECTIONS), urgent: { t: 'boolean' } },
            required: ['value'],
            description: 'An answer at or past `value` (before reverse scoring) offers the support card after the questionnaire, or at once when `urgent`.',
          },
        },
        ['id', 'text'],
      ),
      L.itemsPerMeasure,
      1,
    ),
    subscales: list(object<Subscale>('Subscale', { id: id(), title: str(), items: list(id(), L.itemsPerMeasure, 1), bands }, ['id', 'title', 'items']), L.subscales),
    scoring: {
      t: 'object',
      name: 'Scoring',
      props: { method: oneOf(SCORING_METHODS), maxMissing: { t: 'number', integer: true, min: 0, max: L.itemsPerMeasure, description: 'Items that may be unanswered with a score still given (0 unless said); with `sum`, missing items count as the mean of the answered ones.' }, bands },
      required: ['method'],
    },
    weeks: list({ t: 'number', integer: true, min: 1, max: L.weeks }, L.weeks, 1, 'Week numbers in which the measure is offered.'),
  },
  ['id', 'title', 'scale', 'items', 'scoring', 'weeks'],
  'A questionnaire, scored on the participant\'s device (docs/measures.md).',
);

export const PROGRAM_DESC = object<Program>(
  'Program',
  {
    $schema: str({ description: 'The JSON Schema this file follows, for completion and checks in an editor, e.g. "https://cdn.jsdelivr.net/npm/compassion-kit/dist/program.schema.json" or a path to node_modules/compassion-kit/dist/program.schema.json. Ignored at run time.' }),
    schemaVersion: { t: 'const', value: PROGRAM_SCHEMA_VERSION },
    id: id('Names the participant\'s database: two programs on one site never mix.'),
    version: str(),
    title: str(),
    introduction: md(),
    disclaimer: text(),
    locale: str({ pattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, hint: 'a language tag such as "en" or "en-GB"' }),
    dir: oneOf(DIRECTIONS),
    clinic,
    support,
    unlock,
    weeks: list(week, L.weeks, 1),
    meditations: list(meditation, L.meditations),
    templates: list(template, L.templates),
    measures: list(measure, L.measures),
  },
  ['schemaVersion', 'id', 'version', 'title', 'locale', 'dir', 'unlock', 'weeks', 'meditations', 'templates'],
  `A compassion-kit program: the weeks, meditations and journal templates a clinic offers. Limits this schema cannot express: the file is at most ${L.fileBytes / 1024 / 1024} MB, objects and lists nest at most ${L.depth} levels deep, the document holds at most ${groupDigits(L.values)} values and ${groupDigits(L.totalTextChars)} characters of text, and a scale has at most ${L.scaleSteps} steps.`,
);

// Kept here so the schema and the as-const lists are visibly the same source.
export const FIXED_SETS = { DIRECTIONS, UNLOCK_POLICIES, STEP_KINDS, FIELD_TYPES, AUDIO_TYPES, SCORING_METHODS, THRESHOLD_DIRECTIONS } as const;

/** Builds the JSON Schema (draft 2020-12) published as docs/program.schema.json. */
export function programJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const toSchema = (d: Desc): Record<string, unknown> => {
    const described = (s: Record<string, unknown>) => (d.description ? { ...s, description: d.description } : s);
    switch (d.t) {
      case 'string': {
        const s: Record<string, unknown> = { type: 'string' };
        if (d.enum) s.enum = [...d.enum];
        if (d.min) s.minLength = d.min;
        if (d.max) s.maxLength = d.max;
        if (d.pattern) s.pattern = d.pattern.source;
        if (d.date) s.format = 'date';
        if (d.url) s.format = 'uri-reference';
        if (d.markdown) s.contentMediaType = 'text/markdown';
        return described(s);
      }
      case 'number': {
        const s: Record<string, unknown> = { type: d.integer ? 'integer' : 'number' };
        if (d.min !== undefined) s.minimum = d.min;
        if (d.max !== undefined) s.maximum = d.max;
        return described(s);
      }
      case 'boolean':
        return described({ type: 'boolean' });
      case 'const':
        return described({ const: d.value });
      case 'array': {
        const s: Record<string, unknown> = { type: 'array', items: toSchema(d.items) };
        if (d.min) s.minItems = d.min;
        if (d.max) s.maxItems = d.max;
        return described(s);
      }
      case 'object': {
        if (!defs[d.name]) {
          defs[d.name] = {}; // reserve the name before recursing
          const props: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(d.props)) props[k] = toSchema(v);
          defs[d.name] = described({ type: 'object', properties: props, required: [...d.required], additionalProperties: true });
        }
        return { $ref: `#/$defs/${d.name}` };
      }
      case 'union': {
        const seen = new Set<ObjectDesc>();
        const oneOf = Object.values(d.variants)
          .filter((v) => !seen.has(v) && seen.add(v))
          .map(toSchema);
        defs[d.name] = described({ oneOf });
        return { $ref: `#/$defs/${d.name}` };
      }
    }
  };
  const root = toSchema(PROGRAM_DESC);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://compassion-kit.example/program.schema.json',
    title: 'compassion-kit program',
    ...root,
    $defs: defs,
  };
}
