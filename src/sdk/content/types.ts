/**
 * The program format: the JSON a clinic writes to describe its course.
 * Fixed value sets are `as const` arrays so one list feeds the types, the validator,
 * the JSON Schema and Storybook controls.
 */

export const PROGRAM_SCHEMA_VERSION = 1 as const;

export const DIRECTIONS = ['ltr', 'rtl'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const UNLOCK_POLICIES = ['all-open', 'weekly', 'sequential'] as const;
export type UnlockPolicy = (typeof UNLOCK_POLICIES)[number];

export const STEP_KINDS = ['read', 'meditate', 'reflect', 'practice', 'measure'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const FIELD_TYPES = ['text', 'longtext', 'scale', 'choice', 'emotions'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const AUDIO_TYPES = ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/webm', 'audio/wav', 'audio/flac'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

/** Who runs the program. Every URL must be https, relative, mailto: or tel:. */
export interface Clinic {
  name: string;
  website?: string;
  /** Where a participant signs up for the next group; shown as "Register for the group". */
  registerUrl?: string;
  contact?: {
    email?: string;
    phone?: string;
    address?: string;
  };
}

/** One place to get help. At least one of phone, text or url should be given. */
export interface SupportResource {
  label: string;
  description?: string;
  /** A number to call, shown as a tel: link. */
  phone?: string;
  /** A number to text, shown as an sms: link. */
  text?: string;
  url?: string;
  /** Where this resource applies, e.g. "UK" or "Anywhere". */
  region?: string;
}

export interface Support {
  /** Heading of the support dialog; defaults to "Need support now?". */
  title?: string;
  /** A short paragraph shown above the resources (markdown subset). */
  intro?: string;
  resources: SupportResource[];
  /**
   * The on-device check of the participant's own words: when something they wrote and saved
   * holds one of these phrases, the support dialog's resources are offered once, gently. Nothing
   * is stored or sent. On by default; English programs get a built-in list (docs/measures.md).
   */
  riskCheck?: {
    /** `false` turns the check off. */
    enabled?: boolean;
    /** Phrases in the program's language, whole words, case and accents ignored; a trailing `*` matches word endings. */
    phrases?: string[];
    /** `false` leaves out the built-in English list. */
    useDefaults?: boolean;
  };
}

export interface Unlock {
  policy: UnlockPolicy;
  /** `weekly` only: the cohort's first day, `YYYY-MM-DD`, local time. Week n opens at local midnight 7(n-1) days later. */
  startDate?: string;
}

/** A titled block of theory in the markdown subset (headings, paragraphs, emphasis, lists, quotes, links). */
export interface TheorySection {
  title: string;
  body: string;
}

interface StepBase {
  /** Unique within the week, e.g. "w3-meditate". */
  id: string;
  title: string;
  /** Optional text for the step (markdown subset). */
  body?: string;
}

export interface ReadStep extends StepBase {
  kind: 'read';
}
export interface MeditateStep extends StepBase {
  kind: 'meditate';
  /** Id of an entry in `meditations`. */
  meditation: string;
}
export interface ReflectStep extends StepBase {
  kind: 'reflect';
  /** Id of an entry in `templates`. */
  template: string;
  /** The question the participant answers. */
  prompt: string;
}
export interface PracticeStep extends StepBase {
  kind: 'practice';
}
/** A questionnaire from `measures`, answered in the course and scored on the device. */
export interface MeasureStep extends StepBase {
  kind: 'measure';
  /** Id of an entry in `measures`. */
  measure: string;
}
export type Step = ReadStep | MeditateStep | ReflectStep | PracticeStep | MeasureStep;

export interface Week {
  /** Unique, e.g. "week-3". */
  id: string;
  /** 1-based, consecutive. */
  number: number;
  title: string;
  /** One sentence. */
  summary: string;
  keyIdeas?: string[];
  theory: TheorySection[];
  steps: Step[];
}

export interface AudioSource {
  /** https or relative URL (relative to the program file). */
  src: string;
  type: AudioType;
}

export interface TranscriptCue {
  /** Seconds. */
  start: number;
  /** Seconds. */
  end: number;
  text: string;
}

export interface Chapter {
  /** Seconds. */
  start: number;
  title: string;
}

export interface Meditation {
  id: string;
  title: string;
  description?: string;
  /** Length in seconds. */
  duration: number;
  audio: AudioSource[];
  /** A WebVTT file (`src`) or inline cues; inline cues win when both are given. */
  transcript?: {
    src?: string;
    cues?: TranscriptCue[];
  };
  chapters?: Chapter[];
}

interface FieldBase {
  /** Unique within the template. */
  id: string;
  label: string;
  help?: string;
  required?: boolean;
}
export interface TextField extends FieldBase {
  type: 'text' | 'longtext';
  placeholder?: string;
}
export interface ScaleField extends FieldBase {
  type: 'scale';
  min: number;
  max: number;
  minLabel?: string;
  maxLabel?: string;
}
export interface ChoiceField extends FieldBase {
  type: 'choice' | 'emotions';
  options: string[];
}
export type TemplateField = TextField | ScaleField | ChoiceField;

export interface JournalTemplate {
  id: string;
  title: string;
  /** Shown above the fields (markdown subset). */
  guidance?: string;
  fields: TemplateField[];
}

export const SCORING_METHODS = ['sum', 'mean'] as const;
/** `sum` adds the items' scores; `mean` averages them. */
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export const THRESHOLD_DIRECTIONS = ['at-or-above', 'at-or-below'] as const;
export type ThresholdDirection = (typeof THRESHOLD_DIRECTIONS)[number];

/** One answer a participant can give, e.g. `{ "value": 0, "label": "Never" }`. */
export interface ResponseOption {
  value: number;
  label: string;
}

/** An answer that should offer the participant support: the clinic's choice, never a diagnosis. */
export interface ItemThreshold {
  /** The answer (before any reverse scoring) at or past which the support card is offered. */
  value: number;
  /** Which way "past" is; `at-or-above` unless said. */
  direction?: ThresholdDirection;
  /** Offer support as soon as the answer is given, not after the questionnaire. */
  urgent?: boolean;
}

export interface MeasureItem {
  /** Unique within the measure. */
  id: string;
  /** The statement or question as the participant reads it. */
  text: string;
  /** Scored the other way round: an answer v counts as (lowest + highest − v) of the scale. */
  reverse?: boolean;
  threshold?: ItemThreshold;
}

/** A score range and the clinic's words for it, e.g. 0–9 "Low". Ranges are inclusive. */
export interface ScoreBand {
  min: number;
  max: number;
  label: string;
  /** Shown with the score on the summary (plain text). */
  text?: string;
}

/** A named part of the measure scored on its own items. */
export interface Subscale {
  id: string;
  title: string;
  /** Ids of items in the measure. */
  items: string[];
  bands?: ScoreBand[];
}

export interface Scoring {
  method: ScoringMethod;
  /**
   * How many items may be left unanswered with a score still given (0 unless said). With `sum`,
   * missing items count as the mean of the answered ones (a prorated sum), so scores stay
   * comparable; with more missing than this, no score is given.
   */
  maxMissing?: number;
  bands?: ScoreBand[];
}

/** A questionnaire the clinic uses to see how participants change (docs/measures.md). */
export interface Measure {
  /** Unique, e.g. "self-kindness-check". */
  id: string;
  title: string;
  /** Shown before the first item (markdown subset). */
  instructions?: string;
  /** Where the items come from and whether the instrument is validated, shown on the summary. */
  notice?: string;
  /** The answers every item offers, in the order shown. */
  scale: ResponseOption[];
  items: MeasureItem[];
  subscales?: Subscale[];
  scoring: Scoring;
  /** Week numbers in which the measure is offered, e.g. [1, 7, 14]. */
  weeks: number[];
}

export interface Program {
  /** The JSON Schema the file follows, so an editor can complete and check it (docs/program-format.md); ignored at run time. */
  $schema?: string;
  schemaVersion: typeof PROGRAM_SCHEMA_VERSION;
  /** Lowercase letters, digits and dashes; names the participant's database. */
  id: string;
  version: string;
  title: string;
  /** Markdown subset shown on the course overview. */
  introduction?: string;
  /** Plain statement that this supports, and does not replace, therapy. */
  disclaimer?: string;
  /** BCP 47 tag, e.g. "en-GB". */
  locale: string;
  dir: Direction;
  clinic?: Clinic;
  support?: Support;
  unlock: Unlock;
  weeks: Week[];
  meditations: Meditation[];
  templates: JournalTemplate[];
  /** Questionnaires the clinic uses to see how participants change, answered in `measure` steps. */
  measures?: Measure[];
}
