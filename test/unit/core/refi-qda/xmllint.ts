import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The official REFI-QDA schemas live beside the repository (../shared/refi-qda), never copied into it: the
 * tests read them where they are. A clone made elsewhere (a CI checkout in another folder of the same machine)
 * finds them through GROUNDED_REFI_QDA_SCHEMAS, a `shared/refi-qda` beside any folder above the clone, or the
 * workplace's own copy.
 */
export const SCHEMA_FOLDER = findSchemaFolder();

function findSchemaFolder(): string {
  const repo = resolve(__dirname, '../../../..');
  const candidates: string[] = [];
  if (process.env.GROUNDED_REFI_QDA_SCHEMAS) candidates.push(process.env.GROUNDED_REFI_QDA_SCHEMAS);
  for (let folder = repo; ; folder = dirname(folder)) {
    candidates.push(join(folder, '..', 'shared', 'refi-qda'));
    if (dirname(folder) === folder) break;
  }
  candidates.push('/work/shared/refi-qda');
  return candidates.find((folder) => existsSync(join(folder, 'Project.xsd'))) ?? (candidates[0] as string);
}

function xmllintFound(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/**
 * Skips the calling test when xmllint (Debian: libxml2-utils) or the schemas are missing on a developer's
 * machine, saying why; in CI (`CI` set) a missing validator fails the test instead, so validation is never
 * skipped silently where it counts.
 */
export function requireValidator(context: Mocha.Context): void {
  const missing = !xmllintFound()
    ? 'xmllint is not installed (apt install libxml2-utils)'
    : !existsSync(join(SCHEMA_FOLDER, 'Project.xsd'))
      ? `the REFI-QDA schemas are not in ${SCHEMA_FOLDER}`
      : undefined;
  if (missing === undefined) return;
  if (process.env.CI) throw new Error(`cannot validate REFI-QDA output: ${missing}`);
  console.warn(`      skipped: ${missing}`);
  context.skip();
}

/** xmllint's verdict on `xml` against one of the schemas: '' when valid, else its messages. */
export function schemaErrors(xml: string | Uint8Array, schema: 'Project.xsd' | 'Codebook.xsd'): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-xmllint-'));
  try {
    const file = join(folder, 'document.xml');
    writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMA_FOLDER, schema), file], {
      encoding: 'utf8',
    });
    return result.status === 0 ? '' : `${result.stderr}${result.stdout}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
