// The parts of webvtt-parser (the W3C's WebVTT parser, untyped) that the caption converters use.
declare module 'webvtt-parser' {
  export interface CueTextNode {
    readonly type: 'text' | 'object' | 'timestamp';
    /** Text of a text node; the annotation (the speaker's name) of a `v` object. */
    readonly value?: string | number;
    /** Tag of an object node: c, i, b, u, ruby, rt, v, lang. */
    readonly name?: string;
    readonly children?: readonly CueTextNode[];
  }

  export interface CueTimes {
    startTime: number;
    endTime: number;
    [setting: string]: unknown;
  }

  export class WebVTTCueTimingsAndSettingsParser {
    constructor(line: string, errorHandler: (message: string, column?: number) => void);
    /** Sets the cue's start and end (seconds) and settings; false when the timing line is not valid. */
    parse(cue: CueTimes, previousCueStart: number): boolean;
  }

  export class WebVTTCueTextParser {
    constructor(
      text: string,
      errorHandler: (message: string, column?: number) => void,
      mode: 'metadata' | 'chapters' | '',
      entities: Readonly<Record<string, string>>,
    );
    parse(cueStart: number, cueEnd: number): { readonly children: readonly CueTextNode[] };
  }
}
