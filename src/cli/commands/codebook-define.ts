import type { CommandSpec } from '../command';
import { CODEBOOK_OPTIONS, describeCode, updateCode } from './codebook-shared';

export const codebookDefineCommand: CommandSpec = {
  name: 'codebook define',
  summary: 'set (or with "" clear) a code\'s definition',
  usage: ['codebook define <id> <definition>'],
  details: ['Words after the id form the definition; an empty string removes it.'],
  options: { ...CODEBOOK_OPTIONS },
  positionals: { min: 2, max: Infinity },
  run: (context, args) => {
    const [id, ...words] = args.positionals as [string, ...string[]];
    const definition = words.join(' ');
    return updateCode(context, args.string('study'), id, { definition }, (code) =>
      definition === '' ? `cleared the definition of ${describeCode(code)}` : `defined ${describeCode(code)}`,
    );
  },
};
