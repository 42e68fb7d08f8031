import type { Feature } from '../services';
import { registerCommand } from '../shared/register-command';
import { undoStackFor } from '../shared/undo-stack';
import type { CodebookContext } from './codebook-context';
import { renameCode } from './rename-code';
import { redefineCode } from './redefine-code';
import { recolorCode } from './recolor-code';
import { moveCode } from './move-code';
import { mergeCodes } from './merge-codes';
import { splitCode } from './split-code';
import { deleteCode } from './delete-code';

/** Codebook commands: rename, redefine, recolour, move, merge, split, delete — sidecars kept in step. */
export const codebookCommandsFeature: Feature = (services) => {
  const { context } = services;
  const codebook: CodebookContext = {
    services,
    fs: services.editorAwareFs,
    undo: undoStackFor(context),
  };
  registerCommand(context, 'grounded.renameCode', renameCode(codebook));
  registerCommand(context, 'grounded.redefineCode', redefineCode(codebook));
  registerCommand(context, 'grounded.recolorCode', recolorCode(codebook));
  registerCommand(context, 'grounded.moveCode', moveCode(codebook));
  registerCommand(context, 'grounded.mergeCodes', mergeCodes(codebook));
  registerCommand(context, 'grounded.splitCode', splitCode(codebook));
  registerCommand(context, 'grounded.deleteCode', deleteCode(codebook));
};
