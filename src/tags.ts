/** Every custom element compassion-kit defines, in the order they are registered. */
export const ELEMENT_TAGS = ['compassion-program', 'compassion-course', 'meditation-player', 'reflection-journal', 'practice-log'] as const;
export type ElementTag = (typeof ELEMENT_TAGS)[number];

// One constant per tag, for the code that names another element (the course embeds the player, the journal and the practice log).
export const COURSE_TAG = 'compassion-course' satisfies ElementTag;
export const PLAYER_TAG = 'meditation-player' satisfies ElementTag;
export const JOURNAL_TAG = 'reflection-journal' satisfies ElementTag;
export const PROGRAM_TAG = 'compassion-program' satisfies ElementTag;
export const PRACTICE_LOG_TAG = 'practice-log' satisfies ElementTag;
