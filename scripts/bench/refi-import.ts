/**
 * `npx tsx scripts/bench/refi-import.ts [--runs N] [--save FILE.qdpx]`: how long `grounded import qdpx` takes on a project the size
 * of the example study as another program would export it: the example's 44 transcripts (every other one with
 * CRLF line ends, so positions need converting) and its 806 codings by two coders, and a codebook padded to 300
 * codes in a hierarchy, cases with the survey's values. Prints the best of N runs of each step beside the
 * baseline of the same run: inflating the zip and parsing the XML alone. `--save` also writes the package, to time
 * the real command on it (`time grounded import qdpx FILE.qdpx --into /tmp/x`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { allCodings, importQdpx, loadStudy, writeNewStudy } from '../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../src/node/node-file-system';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'mentorship-study');
const PADDED_CODES = 300;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function uuid(n: number, kind: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Stored position (CRLF = two) of a canonical offset in a text whose lines end in CRLF. */
function crlfPosition(text: string, offset: number): number {
  const before = Array.from(text).slice(0, offset).join('');
  return offset + (before.match(/\n/g)?.length ?? 0);
}

async function buildPackage(): Promise<{ bytes: Uint8Array; codes: number; codings: number; sources: number }> {
  const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
  const codeGuid = new Map(study.codebook.codes.map((code, i) => [code.id, code.guid ?? uuid(i, 1)]));
  const childrenOf = new Map<string | undefined, typeof study.codebook.codes>();
  for (const code of study.codebook.codes) childrenOf.set(code.parent, [...(childrenOf.get(code.parent) ?? []), code]);
  const codeXml = (parent: string | undefined): string =>
    (childrenOf.get(parent) ?? [])
      .map(
        (code) =>
          `<Code guid="${codeGuid.get(code.id)}" name="${escape(code.name)}" isCodable="true"${code.color ? ` color="${code.color}"` : ''}>` +
          (code.definition ? `<Description>${escape(code.definition)}</Description>` : '') +
          codeXml(code.id) +
          '</Code>',
      )
      .join('');
  let padding = '';
  const extra = PADDED_CODES - study.codebook.codes.length;
  for (let group = 0; group * 10 < extra; group++) {
    padding += `<Code guid="${uuid(group, 2)}" name="Theme ${group + 1}" isCodable="false">`;
    for (let i = group * 10 + 1; i < Math.min(extra, group * 10 + 10); i++)
      padding += `<Code guid="${uuid(i, 3)}" name="Theme ${group + 1}.${i}" isCodable="true" color="#336699"/>`;
    padding += '</Code>';
  }
  const users = ['amara', 'jonas'].map((name, i) => [name, uuid(i, 4)] as const);
  const userGuid = new Map(users);
  const files: Zippable = {};
  let sources = '';
  let cases = '';
  let codings = 0;
  study.transcripts.forEach((transcript, index) => {
    const guid = uuid(index, 5);
    const crlf = index % 2 === 1;
    files[`sources/${guid}.txt`] = strToU8(crlf ? transcript.text.replace(/\n/g, '\r\n') : transcript.text);
    const selections = allCodings(study)
      .filter((c) => c.transcript === transcript)
      .map(({ coding }, i) => {
        codings++;
        const [start, end] = crlf
          ? [crlfPosition(transcript.text, coding.start), crlfPosition(transcript.text, coding.end)]
          : [coding.start, coding.end];
        return (
          `<PlainTextSelection guid="${uuid(index * 1000 + i, 6)}" startPosition="${start}" endPosition="${end}">` +
          `<Coding guid="${coding.id}" creatingUser="${userGuid.get(coding.by)}"><CodeRef targetGUID="${codeGuid.get(coding.code)}"/></Coding>` +
          '</PlainTextSelection>'
        );
      })
      .join('');
    const name = transcript.path.slice(transcript.path.lastIndexOf('/') + 1, -4);
    sources += `<TextSource guid="${guid}" name="${escape(name)}" plainTextPath="internal://${guid}.txt">${selections}</TextSource>`;
    cases += `<Case guid="${uuid(index, 7)}" name="${escape(transcript.participant ?? name)}"><SourceRef targetGUID="${guid}"/></Case>`;
  });
  const project =
    '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Mentorship">' +
    `<Users>${users.map(([name, guid]) => `<User guid="${guid}" name="${name}"/>`).join('')}</Users>` +
    `<CodeBook><Codes>${codeXml(undefined)}${padding}</Codes></CodeBook>` +
    `<Cases>${cases}</Cases><Sources>${sources}</Sources></Project>\n`;
  files['project.qde'] = strToU8(project);
  return { bytes: zipSync(files), codes: PADDED_CODES, codings, sources: study.transcripts.length };
}

function best(runs: number, task: () => void | Promise<void>): Promise<number> {
  return (async () => {
    let fastest = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await task();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  })();
}

async function main(): Promise<void> {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
  const pack = await buildPackage();
  const saveFlag = process.argv.indexOf('--save');
  if (saveFlag >= 0) writeFileSync(process.argv[saveFlag + 1] as string, pack.bytes);
  const parser = new XMLParser({ ignoreAttributes: false });
  const inflate = await best(runs, () => void unzipSync(pack.bytes));
  const xml = new TextDecoder().decode(unzipSync(pack.bytes)['project.qde']);
  const parse = await best(runs, () => void parser.parse(xml));
  const inMemory = await best(runs, () => void importQdpx(pack.bytes, 'bench.qdpx'));
  const fs = new NodeFileSystem();
  const folders: string[] = [];
  const withWrites = await best(runs, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'grounded-refi-bench-'));
    folders.push(folder);
    await writeNewStudy(fs, pathToUri(folder), importQdpx(pack.bytes, 'bench.qdpx').files);
  });
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  const plan = importQdpx(pack.bytes, 'bench.qdpx');
  const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
  console.log(
    `package: ${pack.sources} sources, ${pack.codes} codes, ${pack.codings} codings, ${(pack.bytes.length / 1024).toFixed(0)} KB zipped; ` +
      `imported ${plan.summary.codings} codings, ${plan.summary.codes} codes, ${plan.summary.orphans} orphans (best of ${runs})`,
  );
  console.log(`baseline  inflate the zip (fflate)                 ${ms(inflate)}`);
  console.log(`baseline  parse project.qde (fast-xml-parser)       ${ms(parse)}`);
  console.log(`import    read, check, map, in memory               ${ms(inMemory)}`);
  console.log(`import    … and write the study (Node file system)  ${ms(withWrites)}`);
}

void main();
