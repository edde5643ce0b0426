export { entriesToMarkdown, valueText, type ExportContent, type MarkdownOptions } from './markdown.js';
export { saveTextFile, exportFileName, FILE_TYPES } from './file.js';
