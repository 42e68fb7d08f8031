import type { Feature } from '../services';
import { bindCommands } from '../shared/register-command';
import { CODEBOOK_COMMANDS } from './commands';
import { undoStackFor } from '../shared/undo-stack';
import type { CodebookContext } from './codebook-context';
import { renameCode } from './rename-code';
import { redefineCode } from './redefine-code';
import { recolorCode } from './recolor-code';
import { moveCode } from './move-code';
import { mergeCodes } from './merge-codes';
import { splitCode } from './split-code';
import { deleteCode } from './delete-code';
import { RelationPicks } from './relations/relation-picks';
import { relateCodes } from './relations/relate-codes';
import { editRelationMemo } from './relations/relation-memo';
import { removeRelation } from './relations/remove-relation';
import { markCoreCategory } from './relations/mark-core';

/**
 * Codebook commands: rename, redefine, recolour, move, merge, split, delete — sidecars kept in step — and the
 * relations between codes (relate, memo, remove) with the core category.
 */
export const codebookCommandsFeature: Feature = (services) => {
  const { context } = services;
  const codebook: CodebookContext = {
    services,
    fs: services.editorAwareFs,
    undo: undoStackFor(context),
  };
  const picks = new RelationPicks();
  bindCommands(context, CODEBOOK_COMMANDS, {
    renameCode: renameCode(codebook),
    redefineCode: redefineCode(codebook),
    recolorCode: recolorCode(codebook),
    moveCode: moveCode(codebook),
    mergeCodes: mergeCodes(codebook),
    splitCode: splitCode(codebook),
    deleteCode: deleteCode(codebook),
    relateCodes: relateCodes(codebook, picks),
    editRelationMemo: editRelationMemo(codebook, picks),
    removeRelation: removeRelation(codebook, picks),
    markCoreCategory: markCoreCategory(codebook),
  });
  services.testHooks = { ...services.testHooks, relationPicks: picks };
};
