/**
 * compassion-kit: element classes, the SDK, types and event classes. Importing this module
 * registers no element; import `compassion-kit/define` (or one element's define) for that.
 */
export * from './sdk/index.js';
export { CompassionProgramElement } from './elements/compassion-program/compassion-program.js';
export { CompassionCourseElement } from './elements/compassion-course/compassion-course.js';
export { EN_STRINGS as COURSE_STRINGS_EN, type CourseStrings } from './elements/compassion-course/strings.js';
export { ROUTING_MODES, type RoutingMode, type CourseView } from './elements/compassion-course/routing.js';
export { MeditationPlayer } from './elements/meditation-player/meditation-player.js';
export { PLAYER_MODES, type PlayerMode } from './elements/meditation-player/modes.js';
export { EN_STRINGS as PLAYER_STRINGS_EN, type PlayerStrings } from './elements/meditation-player/strings.js';
export { CHECK_IN_TEMPLATE_ID } from './elements/meditation-player/meditation-player.js';
export { ReflectionJournal, JOURNAL_VIEWS, type JournalView } from './elements/reflection-journal/reflection-journal.js';
export {
  JournalLockEvent,
  type JournalLockDetail,
  JournalEntrySavedEvent,
  type JournalEntrySavedDetail,
} from './elements/reflection-journal/events.js';
export { PracticeLog } from './elements/practice-log/practice-log.js';
export type { JournalStrings } from './elements/reflection-journal/strings.js';
export type { ProviderStrings } from './elements/compassion-program/strings.js';
export { registerLocale, type LocaleCatalog, type CatalogSource } from './locales/registry.js';
export { EN_STRINGS as PRACTICE_LOG_STRINGS_EN, type PracticeLogStrings } from './elements/practice-log/strings.js';
export { programContext, type ProgramState } from './context/program-context.js';
export { ProgramController } from './controllers/program-controller.js';
export { renderMarkdown, type MarkdownOptions, type HeadingLevel } from './elements/shared/markdown.js';
export { ELEMENT_TAGS, type ElementTag } from './tags.js';
export { TOKENS, SCALE_TOKENS, type ColorToken, type ScaleToken } from './styles/tokens.js';
