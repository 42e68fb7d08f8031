import type { CommandSpec } from '../command';
import { codebookAddCommand } from './codebook-add';
import { codebookRenameCommand } from './codebook-rename';
import { codebookMoveCommand } from './codebook-move';
import { codebookMergeCommand } from './codebook-merge';
import { codebookDeleteCommand } from './codebook-delete';
import { codebookRecolorCommand } from './codebook-recolor';
import { codebookDefineCommand } from './codebook-define';
import { codebookRelateCommand } from './codebook-relate';
import { codebookUnrelateCommand } from './codebook-unrelate';
import { codebookRelationsCommand } from './codebook-relations';

/** The `grounded codebook …` group. */
export const codebookCommands: readonly CommandSpec[] = [
  codebookAddCommand,
  codebookRenameCommand,
  codebookMoveCommand,
  codebookMergeCommand,
  codebookDeleteCommand,
  codebookRecolorCommand,
  codebookDefineCommand,
  codebookRelateCommand,
  codebookUnrelateCommand,
  codebookRelationsCommand,
];
