import { QUICK_SLOTS } from '../../core/index';
import { declareCommands, type CommandDeclaration } from '../shared/command-declaration';

/** The coding commands (bound in coding-feature.ts); the quick-code slots are QUICK_CODE_COMMANDS. */
export const CODING_COMMANDS = declareCommands({
  codeSelection: { id: 'grounded.codeSelection', title: 'Code Selection…' },
  pinQuickCode: { id: 'grounded.pinQuickCode', title: 'Pin Quick Code…' },
  codeInVivo: { id: 'grounded.codeInVivo', title: 'Code In Vivo' },
  removeCoding: { id: 'grounded.removeCoding', title: 'Remove Coding' },
  changeCode: { id: 'grounded.changeCode', title: 'Change Code of Coding…' },
  adjustCoding: { id: 'grounded.adjustCoding', title: 'Adjust Coding…' },
  editMemo: { id: 'grounded.editMemo', title: 'Edit Coding Memo…' },
  nextCoding: { id: 'grounded.nextCoding', title: 'Go to Next Coding' },
  previousCoding: { id: 'grounded.previousCoding', title: 'Go to Previous Coding' },
  nextCodingSameCode: { id: 'grounded.nextCodingSameCode', title: 'Go to Next Coding with the Same Code' },
  undoLastCodingAction: { id: 'grounded.undoLastCodingAction', title: 'Undo Last Coding Action' },
  codeSpeakerTurns: { id: 'grounded.codeSpeakerTurns', title: "Code a Speaker's Turns…" },
});

/** `grounded.quickCode1` … `grounded.quickCode9`: apply the code pinned to (or most recent in) that slot. */
export const QUICK_CODE_COMMANDS: Readonly<Record<`quickCode${number}`, CommandDeclaration>> = Object.fromEntries(
  quickSlots().map((slot) => [`quickCode${slot}`, { id: `grounded.quickCode${slot}`, title: `Quick Code ${slot}` }]),
);

/** The quick-code slots, 1-based. */
export function quickSlots(): number[] {
  return Array.from({ length: QUICK_SLOTS }, (_, i) => i + 1);
}
