// A study is a new value after every coding; its survey is parsed again only when its files' bytes or the
// survey settings change, and a reused parse is always the one of the files as they are.
import assert from 'node:assert/strict';
import { loadStudy, type Study } from '../../../../src/core/index';
import { loadSurvey, parseSurveyFiles, SurveyCache, type SurveyParser } from '../../../../src/core/analysis/index';
import { buildStudy, ROOT } from './fixture';

const CSV = 'id,gender,burnout\nP01,female,3\nP02,male,4\n';
const encode = (text: string) => new TextEncoder().encode(text);

describe('SurveyCache', () => {
  it('gives the same parse for another version of the study while the survey files hold the same bytes', async () => {
    const { fs, study } = await buildStudy([], CSV);
    const cache = new SurveyCache();
    const first = await loadSurvey(fs, study, cache);
    assert.ok(first?.ok);
    // Another value of the same study (what a reload after a coding gives), the survey untouched.
    const reloaded: Study = await loadStudy(fs, ROOT);
    assert.notEqual(reloaded, study);
    assert.equal(await loadSurvey(fs, reloaded, cache), first);
    // Without the cache every load parses anew.
    assert.notEqual(await loadSurvey(fs, reloaded), first);
  });

  it('parses again when a survey file changes, and gives what the file now holds', async () => {
    const { fs, study } = await buildStudy([], CSV);
    const cache = new SurveyCache();
    const first = await loadSurvey(fs, study, cache);
    // Same length, one byte different: the cache compares the bytes, not sizes or dates.
    await fs.writeFile(`${ROOT}/survey.csv`, encode(CSV.replace('P02,male,4', 'P02,male,5')));
    const second = await loadSurvey(fs, study, cache);
    assert.notEqual(second, first);
    assert.ok(second?.ok);
    assert.deepEqual(
      second.value.rows.map((row) => row.values['burnout']),
      [3, 5],
    );
    assert.deepEqual(await loadSurvey(fs, study), second);
  });

  it('parses again when the survey settings change, though the bytes are the same', async () => {
    const { fs, study } = await buildStudy([], CSV);
    const cache = new SurveyCache();
    const first = await loadSurvey(fs, study, cache);
    assert.ok(first?.ok);
    const asText: Study = {
      ...study,
      settings: { ...study.settings, survey: { ...study.settings.survey, types: { burnout: 'categorical' } } },
    };
    const second = await loadSurvey(fs, asText, cache);
    assert.ok(second?.ok);
    assert.notEqual(second, first);
    assert.equal(second.value.columns.find((c) => c.name === 'burnout')?.type, 'categorical');
    assert.equal(first.value.columns.find((c) => c.name === 'burnout')?.type, 'numeric');
  });

  it('gives a survey that no longer loads as not loading, and the mended one again', async () => {
    const { fs, study } = await buildStudy([], CSV);
    const cache = new SurveyCache();
    assert.ok((await loadSurvey(fs, study, cache))?.ok);
    await fs.writeFile(`${ROOT}/survey.csv`, encode(CSV.replace('P02', 'P01')));
    const broken = await loadSurvey(fs, study, cache);
    assert.equal(broken?.ok, false);
    assert.match(broken.ok ? '' : (broken.problems[0]?.message ?? ''), /P01/);
    await fs.writeFile(`${ROOT}/survey.csv`, encode(CSV));
    const mended = await loadSurvey(fs, study, cache);
    assert.ok(mended?.ok);
    assert.equal(mended.value.rows.length, 2);
  });

  it('parses through its parser, once for callers at the same moment, and in-process when the parser fails', async () => {
    const { fs, study } = await buildStudy([], CSV);
    let calls = 0;
    const elsewhere: SurveyParser = async (files, settings) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return parseSurveyFiles(files, settings);
    };
    const cache = new SurveyCache(elsewhere, 0);
    const [a, b] = await Promise.all([loadSurvey(fs, study, cache), loadSurvey(fs, study, cache)]);
    assert.equal(calls, 1);
    assert.equal(a, b);
    assert.equal(cache.lastParsed, 'elsewhere');
    assert.deepEqual(a, await loadSurvey(fs, study));
    assert.equal(await loadSurvey(fs, study, cache), a);
    assert.equal(calls, 1);

    const failing = new SurveyCache(() => Promise.reject(new Error('no worker here')), 0);
    const here = await loadSurvey(fs, study, failing);
    assert.deepEqual(here, a);
    assert.equal(failing.lastParsed, 'here (no worker here)');
  });

  it('parses a small survey here, without its parser (a worker would start slower than the parse)', async () => {
    const { fs, study } = await buildStudy([], CSV);
    let calls = 0;
    const cache = new SurveyCache(async (files, settings) => {
      calls++;
      return parseSurveyFiles(files, settings);
    }, CSV.length + 1);
    assert.ok((await loadSurvey(fs, study, cache))?.ok);
    assert.equal(cache.lastParsed, 'here (small)');
    assert.equal(calls, 0);
    await fs.writeFile(`${ROOT}/survey.csv`, encode(CSV + 'P03,female,2\n'));
    assert.ok((await loadSurvey(fs, study, cache))?.ok);
    assert.equal(cache.lastParsed, 'elsewhere');
    assert.equal(calls, 1);
  });
});
