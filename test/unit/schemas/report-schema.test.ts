import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { loadStudy } from '../../../src/core/index';
import { buildStudyReport, loadSurvey } from '../../../src/core/analysis/index';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { buildStudy, simpleInterviews } from '../core/analysis/fixture';

const ROOT = join(__dirname, '..', '..', '..');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object);

/** Validates the report as its JSON text (what the CLI prints), not the in-memory object. */
function assertValid(report: unknown, what: string): void {
  const json: unknown = JSON.parse(JSON.stringify(report));
  assert.ok(validate(json), `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

describe('report JSON Schema', function () {
  this.timeout(60_000);

  it('accepts the example study report, grouped and ungrouped, and filtered to one coder', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(join(ROOT, 'examples', 'mentorship-study')));
    const survey = await loadSurvey(fs, study);
    assert.ok(survey?.ok);
    const byGender = buildStudyReport(study, survey.value, { by: 'gender' }, survey.warnings);
    assert.ok(byGender.agreement, 'two coders: the report has its agreement section');
    assertValid(byGender, 'by gender');
    const json = JSON.parse(JSON.stringify(byGender)) as { agreement: { pooled: { character: { kappa: unknown } } } };
    json.agreement.pooled.character.kappa = 1.5;
    assert.equal(validate(json), false, 'a κ above 1 is not a κ');
    assertValid(buildStudyReport(study, survey.value, { by: 'role', coders: ['jonas'] }), 'by role, jonas');
    assertValid(
      buildStudyReport(study, survey.value, { filters: [{ column: 'role', value: 'resident' }] }),
      'residents, ungrouped',
    );
  });

  it('accepts degenerate reports: no survey, one group, constant data, codes nobody used', async () => {
    const { study } = await buildStudy(simpleInterviews(['P1', 'P2'], () => true));
    assertValid(buildStudyReport(study, undefined), 'no survey');
    const { study: s2, survey } = await buildStudy(
      simpleInterviews(['P1', 'P2', 'P3'], (i) => i > 0),
      'id,group,score,note\nP1,a,3,=1+1\nP2,a,3,\nP3,a,3,x\nP4,b,NA,y\n',
    );
    assertValid(buildStudyReport(s2, survey, { by: 'group' }), 'single group with data');
  });

  it('rejects a report with an unknown field or a NaN turned null where a number is required', () => {
    assert.equal(validate({ format: 'grounded-report/2' }), false);
    const minimal = {
      format: 'grounded-report/2',
      title: 't',
      options: { by: null, coders: null, filters: [], uncoded: 'missing', confidence: 0.95, quotesPerCell: 2 },
      coders: { available: [], included: [] },
      progress: { total: 0, codedByAnyone: 0, coders: [], text: '0 / 0 coded' },
      participants: {
        total: 0,
        withSurvey: 0,
        withTranscript: 0,
        coded: 0,
        notCoded: 0,
        withoutTranscript: 0,
        uncoded: 'missing',
        codesKnown: 0,
        joined: 0,
        excludedByFilter: 0,
        transcriptsWithoutRow: [],
        transcriptsWithoutParticipant: [],
        rowsWithoutTranscript: [],
      },
      surveyFiles: [],
      variables: [],
      comparisons: [],
      codes: [],
      codesByGroup: [],
      codeComparisons: [],
      coOccurrence: [],
      jointDisplay: null,
      problems: [],
      methods: [],
    };
    assert.ok(validate(minimal), ajv.errorsText(validate.errors));
    assert.equal(validate({ ...minimal, extra: 1 }), false);
    assert.equal(validate({ ...minimal, participants: { ...minimal.participants, total: null } }), false);
    assert.equal(validate({ ...minimal, format: 'grounded-report/1' }), false, 'the layout of shares changed');
    assert.equal(
      validate({ ...minimal, options: { ...minimal.options, uncoded: 'zero' } }),
      false,
      'uncoded is missing or absent',
    );
  });
});
