import type { Feature } from '../services';
import { QUICK_SLOTS } from '../../core/editing/recent-codes';
import { CodingActions } from './coding-actions';
import { RecentCodes } from './recent-codes';
import { undoStackFor } from '../shared/undo-stack';
import type { CodingContext } from './coding-context';
import { registerCommand } from '../shared/register-command';
import { codeSelection } from './code-selection';
import { quickCode } from './quick-code';
import { pinQuickCode } from './pin-quick-code';
import { codeInVivo } from './code-in-vivo';
import { removeCoding } from './remove-coding';
import { changeCode } from './change-code';
import { adjustCoding } from './adjust-coding';
import { editMemo } from './edit-memo';
import { navigateCodings } from './navigate-codings';
import { undoLastCodingAction } from './undo-last';
import { EditorContextKeys } from './editor-context-keys';

/** Coding commands: code, quick-code, in-vivo, remove, change, adjust, memo, navigate, undo. */
export const codingFeature: Feature = (services) => {
  const { context } = services;
  const fs = services.editorAwareFs;
  const undo = undoStackFor(context);
  const coding: CodingContext = {
    services,
    fs,
    undo,
    actions: new CodingActions(services, fs, undo),
    recent: new RecentCodes(context.workspaceState),
  };

  registerCommand(context, 'grounded.codeSelection', codeSelection(coding));
  for (let slot = 1; slot <= QUICK_SLOTS; slot++)
    registerCommand(context, `grounded.quickCode${slot}`, quickCode(coding, slot));
  registerCommand(context, 'grounded.pinQuickCode', pinQuickCode(coding));
  registerCommand(context, 'grounded.codeInVivo', codeInVivo(coding));
  registerCommand(context, 'grounded.removeCoding', removeCoding(coding));
  registerCommand(context, 'grounded.changeCode', changeCode(coding));
  registerCommand(context, 'grounded.adjustCoding', adjustCoding(coding));
  registerCommand(context, 'grounded.editMemo', editMemo(coding));
  registerCommand(context, 'grounded.nextCoding', navigateCodings(coding, 'next', false));
  registerCommand(context, 'grounded.previousCoding', navigateCodings(coding, 'previous', false));
  registerCommand(context, 'grounded.nextCodingSameCode', navigateCodings(coding, 'next', true));
  registerCommand(context, 'grounded.undoLastCodingAction', undoLastCodingAction(coding));
  context.subscriptions.push(new EditorContextKeys(services.live));
};
