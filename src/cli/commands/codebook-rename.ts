import type { CommandSpec } from '../command';
import { CODEBOOK_OPTIONS, describeCode, updateCode } from './codebook-shared';

export const codebookRenameCommand: CommandSpec = {
  name: 'codebook rename',
  summary: "change a code's name (its id, and so every coding, stays the same)",
  usage: ['codebook rename <id> <new name>'],
  details: [
    'Words after the id form the name, so quotes are optional: grounded codebook rename choice Chose own mentor',
  ],
  options: { ...CODEBOOK_OPTIONS },
  positionals: { min: 2, max: Infinity },
  run: (context, args) => {
    const [id, ...words] = args.positionals as [string, ...string[]];
    return updateCode(
      context,
      args.string('study'),
      id,
      { name: words.join(' ') },
      (code) => `renamed ${id} to ${describeCode(code)}`,
    );
  },
};
