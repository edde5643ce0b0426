/** Every custom element compassion-kit defines, in the order they are registered. */
export const ELEMENT_TAGS = ['compassion-program'] as const;
export type ElementTag = (typeof ELEMENT_TAGS)[number];
