import { sameBytes } from '../bytes';
import type { SurveySettings } from '../model';
import type { Loaded } from '../problems';
import type { MergedSurvey } from '../survey/index';

interface Parsed {
  readonly settings: string;
  readonly files: readonly { uri: string; bytes: Uint8Array }[];
  readonly loaded: Loaded<MergedSurvey>;
}

/**
 * The last parse of each study's survey, reused while its files hold the same bytes under the same survey
 * settings. A study is a new value after every coding; its survey rarely changes, and parsing a survey of
 * thousands of rows takes a noticeable fraction of a second. The bytes are read every time (cheap, and the
 * only way to notice an edit made outside the editor) and compared in full, so a reused parse is always one of
 * exactly the files on disk.
 */
export class SurveyCache {
  private readonly byRoot = new Map<string, Parsed>();

  parsed(
    root: string,
    settings: SurveySettings,
    files: readonly { uri: string; bytes: Uint8Array }[],
    parse: () => Loaded<MergedSurvey>,
  ): Loaded<MergedSurvey> {
    const key = JSON.stringify(settings);
    const last = this.byRoot.get(root);
    if (
      last !== undefined &&
      last.settings === key &&
      last.files.length === files.length &&
      last.files.every((file, i) => file.uri === files[i]!.uri && sameBytes(file.bytes, files[i]!.bytes))
    )
      return last.loaded;
    const loaded = parse();
    this.byRoot.set(root, { settings: key, files, loaded });
    return loaded;
  }
}
