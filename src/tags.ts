/** Every custom element compassion-kit defines, in the order they are registered. */
export const ELEMENT_TAGS = ['compassion-program', 'compassion-course', 'meditation-player', 'reflection-journal'] as const;
export type ElementTag = (typeof ELEMENT_TAGS)[number];
