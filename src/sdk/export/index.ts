export { entriesToMarkdown, valueText, type ExportContent, type MarkdownExportOptions } from './markdown.js';
export { saveTextFile, exportFileName, FILE_TYPES } from './file.js';
