import { declareCommands } from '../shared/command-declaration';

/** The codebook commands (bound in codebook-feature.ts). */
export const CODEBOOK_COMMANDS = declareCommands({
  renameCode: { id: 'grounded.renameCode', title: 'Rename Code…' },
  redefineCode: { id: 'grounded.redefineCode', title: 'Edit Code Definition…' },
  recolorCode: { id: 'grounded.recolorCode', title: 'Change Code Colour…' },
  moveCode: { id: 'grounded.moveCode', title: 'Move Code…' },
  mergeCodes: { id: 'grounded.mergeCodes', title: 'Merge Codes…' },
  splitCode: { id: 'grounded.splitCode', title: 'Split Code…' },
  deleteCode: { id: 'grounded.deleteCode', title: 'Delete Code…' },
  relateCodes: { id: 'grounded.relateCodes', title: 'Relate Codes…' },
  editRelationMemo: { id: 'grounded.editRelationMemo', title: 'Edit Relation Memo…' },
  removeRelation: { id: 'grounded.removeRelation', title: 'Remove Relation…' },
  markCoreCategory: { id: 'grounded.markCoreCategory', title: 'Mark as Core Category' },
});
