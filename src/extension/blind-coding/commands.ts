import { declareCommands } from '../shared/command-declaration';

/** Blind coding (bound in blind-coding-feature.ts). */
export const BLIND_CODING_COMMANDS = declareCommands({
  toggleBlindCoding: { id: 'grounded.toggleBlindCoding', title: 'Toggle Blind Coding' },
});
