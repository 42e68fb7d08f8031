/** Renderers of a StudyReport: Markdown and self-contained HTML, from the same blocks. */
export { renderMarkdown, escapeMarkdown, escapeInline } from './markdown';
export { renderHtml, escapeHtml } from './html';
export { reportBlocks, variableLine, comparisonLine, CO_OCCURRENCE_ROWS } from './sections';
export type { Block } from './blocks';
export * from './format';
