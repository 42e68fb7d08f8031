import { declareCommands } from '../shared/command-declaration';

/** The Codebook view's item and title actions (bound in codebook/codebook-view-commands.ts). */
export const CODEBOOK_VIEW_COMMANDS = declareCommands({
  newCode: { id: 'grounded.newCode', title: 'New Code…' },
  newChildCode: { id: 'grounded.newChildCode', title: 'New Sub-code…' },
  codebookCodeSelection: { id: 'grounded.codebook.codeSelection', title: 'Code Selection with This Code' },
  codebookRename: { id: 'grounded.codebook.rename', title: 'Rename…' },
  codebookRecolor: { id: 'grounded.codebook.recolor', title: 'Change Colour…' },
  codebookRedefine: { id: 'grounded.codebook.redefine', title: 'Edit Definition…' },
  codebookMove: { id: 'grounded.codebook.move', title: 'Move Under…' },
  codebookMerge: { id: 'grounded.codebook.merge', title: 'Merge Into…' },
  codebookDelete: { id: 'grounded.codebook.delete', title: 'Delete…' },
  codebookRefresh: { id: 'grounded.codebook.refresh', title: 'Reload Study' },
});

/** The Retrieve view's commands (bound in retrieve/retrieve-commands.ts). */
export const RETRIEVE_COMMANDS = declareCommands({
  retrieveQuotes: { id: 'grounded.retrieveQuotes', title: 'Retrieve Quotes of a Code…' },
  retrieveFilter: { id: 'grounded.retrieve.filter', title: 'Filter Quotes by Survey Answers…' },
  retrieveFilterCoders: { id: 'grounded.retrieve.filterCoders', title: 'Filter Quotes by Coder…' },
  retrieveClearFilters: { id: 'grounded.retrieve.clearFilters', title: 'Clear Quote Filters' },
});

/** The Memos view's commands (bound in memos/memo-commands.ts). */
export const MEMO_COMMANDS = declareCommands({
  newMemo: { id: 'grounded.newMemo', title: 'New Memo…' },
  openCodeMemo: { id: 'grounded.openCodeMemo', title: 'Open Code Memo' },
});

/** Showing a listed coding in its transcript (bound in reveal-coding.ts). */
export const REVEAL_CODING_COMMANDS = declareCommands({
  revealCoding: { id: 'grounded.revealCoding', title: 'Show Coding in Transcript' },
});
