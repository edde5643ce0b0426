import { PROGRAM_FILE_BYTES } from './file-limit.js';

/**
 * How big a program may be. A program file comes from a server the page trusts but a person
 * edits by hand (or a tool generates), so every count and length has a ceiling: a typo like
 * `"max": 10000000` on a scale must give an error naming the field, not freeze the page
 * drawing ten million radio buttons. Each limit is many times what a real 14-week course needs
 * (the shipped default program is noted beside each); the validator, the loader, the JSON
 * Schema and docs/program-format.md all read them from here.
 */
export const PROGRAM_LIMITS = {
  /** Bytes of a program file as it arrives (default program: 86 kB). */
  fileBytes: PROGRAM_FILE_BYTES,
  /** Levels of nested objects and lists anywhere in the document, unknown fields included (default: 6). */
  depth: 32,
  /** Values of any kind in the whole document: every object, list, text, number (default: about 1,100). */
  values: 500_000,
  /** Characters of text in the whole document, all fields together (default: about 63,000). */
  totalTextChars: 2_000_000,

  /** Characters in an id (default: 25). */
  idChars: 80,
  /** Characters in a short text: titles, labels, options, names, key ideas (default: 70). */
  shortTextChars: 500,
  /** Characters in a plain paragraph: summaries, descriptions, help, prompts, transcript lines (default: 309). */
  textChars: 5_000,
  /** Characters in a rich-text (markdown) field: theory, introductions, guidance, step bodies (default: 917). */
  markdownChars: 20_000,
  /** Characters in a URL (default: 46). */
  urlChars: 2_048,

  /** Weeks in a program: two years of weekly sessions (default: 14). */
  weeks: 104,
  /** Steps in one week (default: 6). */
  stepsPerWeek: 50,
  /** Theory sections in one week (default: 4). */
  theoryPerWeek: 50,
  /** Key ideas in one week (default: 3). */
  keyIdeasPerWeek: 20,
  /** Meditations in a program (default: 7). */
  meditations: 200,
  /** Audio sources (formats) of one meditation (default: 2). */
  audioSources: 10,
  /** Inline transcript cues of one meditation: an hour at one line every second (default: none inline). */
  transcriptCues: 5_000,
  /** Chapters of one meditation (default: 5). */
  chapters: 200,
  /** Length of one meditation in seconds: a day (default: about 5 minutes). */
  meditationSeconds: 86_400,
  /** Journal templates in a program (default: 6). */
  templates: 200,
  /** Fields in one journal template (default: 6). */
  fieldsPerTemplate: 50,
  /** Options of one choice or emotions field: the largest emotion wheels have about 130 (default: 12). */
  optionsPerField: 200,
  /** Steps of one scale, both ends included: 0–100 is 101 (default: 11, for 0–10). Each step is a radio button. */
  scaleSteps: 101,
  /** Questionnaires in a program (default: 1). */
  measures: 50,
  /** Items of one questionnaire (default: 5). */
  itemsPerMeasure: 200,
  /** Answers on one questionnaire's scale (default: 5). */
  scaleOptions: 20,
  /** Subscales of one questionnaire, and score bands of one scoring (default: none and 3). */
  subscales: 20,
  bands: 20,
  /** Support resources (default: 4). */
  supportResources: 50,
  /** Phrases a clinic adds to the check of the participant's words (default: none; the built-in English list has 51). */
  riskPhrases: 500,
} as const;

export type ProgramLimit = keyof typeof PROGRAM_LIMITS;
