/**
 * compassion-kit: element classes, the SDK, types and event classes. Importing this module
 * registers no element; import `compassion-kit/define` (or one element's define) for that.
 */
export * from './sdk/index.js';
export { CompassionProgramElement } from './elements/compassion-program/compassion-program.js';
export { programContext, type ProgramState } from './context/program-context.js';
export { ProgramController } from './controllers/program-controller.js';
export { renderMarkdown, type MarkdownOptions } from './elements/shared/markdown.js';
export { ELEMENT_TAGS, type ElementTag } from './tags.js';
export { TOKENS, SCALE_TOKENS, type ColorToken, type ScaleToken } from './styles/tokens.js';
