import type { Feature } from '../services';
import { CodingActions } from './coding-actions';
import { RecentCodes } from './recent-codes';
import { undoStackFor } from '../shared/undo-stack';
import type { CodingContext } from './coding-context';
import { bindCommands } from '../shared/register-command';
import { CODING_COMMANDS, QUICK_CODE_COMMANDS, quickSlots } from './commands';
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
import { codeSpeakerTurns } from './code-speaker-turns';

/** Coding commands: code, quick-code, in-vivo, remove, change, adjust, memo, navigate, undo, a speaker's turns. */
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

  bindCommands(context, CODING_COMMANDS, {
    codeSelection: codeSelection(coding),
    pinQuickCode: pinQuickCode(coding),
    codeInVivo: codeInVivo(coding),
    removeCoding: removeCoding(coding),
    changeCode: changeCode(coding),
    adjustCoding: adjustCoding(coding),
    editMemo: editMemo(coding),
    nextCoding: navigateCodings(coding, 'next', false),
    previousCoding: navigateCodings(coding, 'previous', false),
    nextCodingSameCode: navigateCodings(coding, 'next', true),
    undoLastCodingAction: undoLastCodingAction(coding),
    codeSpeakerTurns: codeSpeakerTurns(coding),
  });
  bindCommands(
    context,
    QUICK_CODE_COMMANDS,
    Object.fromEntries(quickSlots().map((slot) => [`quickCode${slot}`, quickCode(coding, slot)])),
  );
  context.subscriptions.push(new EditorContextKeys(services.live));
};
