import type { CommandSpec } from '../command';
import { CODEBOOK_OPTIONS, describeCode, updateCode } from './codebook-shared';

export const codebookRecolorCommand: CommandSpec = {
  name: 'codebook recolor',
  summary: "change a code's highlight colour",
  usage: ['codebook recolor <id> <#rrggbb>'],
  options: { ...CODEBOOK_OPTIONS },
  positionals: { min: 2, max: 2 },
  run: (context, args) => {
    const [id, color] = args.positionals as [string, string];
    return updateCode(
      context,
      args.string('study'),
      id,
      { color },
      (code) => `${describeCode(code)} is now ${code.color}`,
    );
  },
};
