import { sameBytes } from '../bytes';
import type { SurveySettings } from '../model';
import type { Loaded } from '../problems';
import type { MergedSurvey } from '../survey/index';
import { parseSurveyFiles, type SurveyFile } from './parse-survey-files';

/** Parses survey files somewhere else (the extension: in a worker); rejects when it cannot. */
export type SurveyParser = (files: readonly SurveyFile[], settings: SurveySettings) => Promise<Loaded<MergedSurvey>>;

interface Parse {
  readonly settings: string;
  readonly files: readonly SurveyFile[];
  readonly loaded: Promise<Loaded<MergedSurvey>>;
}

/**
 * The last parse of each study's survey, reused while its files hold the same bytes under the same survey
 * settings. A study is a new value after every coding; its survey rarely changes, and parsing a survey of
 * thousands of rows takes a noticeable fraction of a second. The bytes are read every time (cheap, and the
 * only way to notice an edit made outside the editor) and compared in full, so a reused parse is always one of
 * exactly the files on disk. Callers asking at the same moment share one parse. With a parser, a survey of at
 * least `offThreadFrom` bytes is parsed there (off the caller's thread), and here only if the parser fails; a
 * smaller one is parsed here, as starting a worker would take longer than the parse (a 2 KB survey: ≈ 12 ms
 * here, ≈ 290 ms in a new worker; 500 KB: ≈ 160–370 ms here).
 */
export class SurveyCache {
  private readonly byRoot = new Map<string, Parse>();
  /** Where the last parse ran: 'elsewhere', 'here', 'here (small)', or 'here' with why the parser failed. */
  lastParsed: string | undefined;

  constructor(
    private readonly parser?: SurveyParser,
    private readonly offThreadFrom = 32 * 1024,
  ) {}

  parsed(root: string, settings: SurveySettings, files: readonly SurveyFile[]): Promise<Loaded<MergedSurvey>> {
    const key = JSON.stringify(settings);
    const last = this.byRoot.get(root);
    if (
      last !== undefined &&
      last.settings === key &&
      last.files.length === files.length &&
      last.files.every((file, i) => file.uri === files[i]!.uri && sameBytes(file.bytes, files[i]!.bytes))
    )
      return last.loaded;
    const loaded = this.parse(files, settings);
    this.byRoot.set(root, { settings: key, files, loaded });
    return loaded;
  }

  private async parse(files: readonly SurveyFile[], settings: SurveySettings): Promise<Loaded<MergedSurvey>> {
    const size = files.reduce((sum, file) => sum + file.bytes.length, 0);
    if (this.parser && size < this.offThreadFrom) this.lastParsed = 'here (small)';
    else if (this.parser) {
      try {
        const loaded = await this.parser(files, settings);
        this.lastParsed = 'elsewhere';
        return loaded;
      } catch (error) {
        this.lastParsed = `here (${error instanceof Error ? error.message : String(error)})`;
      }
    } else this.lastParsed = 'here';
    return parseSurveyFiles(files, settings);
  }
}
