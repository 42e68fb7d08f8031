import { codebookEdits, mergeCodes, sidecarUrisNow } from '../../core/index';
import type { CommandSpec } from '../command';
import { EXIT_OK } from '../errors';
import { requireAllSidecarsLoad } from '../study-guards';
import { CODEBOOK_OPTIONS, openCodebook } from './codebook-shared';
import { usageOfCode } from './codebook-usage';

export const codebookMergeCommand: CommandSpec = {
  name: 'codebook merge',
  summary: 'merge one code into another: its codings and children move over, then it is removed',
  usage: ['codebook merge <from> <into>'],
  details: [
    'Every sidecar is updated first, then the codebook, so an interruption never leaves codings of a removed code.',
    'A coding that would duplicate one of <into> on the same passage is dropped.',
  ],
  options: { ...CODEBOOK_OPTIONS },
  positionals: { min: 2, max: 2 },
  run: async (context, args) => {
    const [from, into] = args.positionals as [string, string];
    const { out } = context;
    const study = await openCodebook(context, args.string('study'));
    codebookEdits.merge(study.codebook, from, into, study.settings.relationTypes); // bad ids fail before any file is touched
    requireAllSidecarsLoad(study, out);
    const usage = await usageOfCode(context.fs, study, from);
    const moved = await mergeCodes(
      context.fs,
      study.codebookUri,
      () => sidecarUrisNow(context.fs, study),
      from,
      into,
      study.codebook,
      study.settings.relationTypes,
    );
    const children = study.codebook.codes.filter((c) => c.parent === from).map((c) => c.id);
    out.line(
      `merged ${from} into ${into}: ${moved} coding(s) in ${usage.files} file(s) now use ${into}${children.length > 0 ? `; ${children.join(', ')} moved under ${into}` : ''}`,
    );
    out.data({ from, into, codings: moved, files: usage.files, children });
    return EXIT_OK;
  },
};
