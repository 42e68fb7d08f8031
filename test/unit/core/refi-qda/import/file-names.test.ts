import assert from 'node:assert/strict';
import { safeStem, UniqueNames, withoutDocumentExtension } from '../../../../../src/core/refi-qda/import/file-names';

describe('REFI-QDA import: file names from source names', () => {
  it('keeps letters of every script and replaces what some system forbids', () => {
    assert.equal(safeStem('Interview 3: Dr. Lee / follow-up?', 'x'), 'Interview 3 Dr. Lee follow-up');
    assert.equal(safeStem('王芳 — première', 'x'), '王芳 — première');
    assert.equal(safeStem('..hidden', 'x'), 'hidden');
    assert.equal(safeStem('ends with dots...  ', 'x'), 'ends with dots');
    assert.equal(safeStem('tab\there\u0000nul', 'x'), 'tab here nul');
    assert.equal(safeStem('CON', 'x'), 'CON_');
    assert.equal(safeStem('com1.notes', 'x'), 'com1.notes_');
    assert.equal(safeStem('???', 'fallback'), 'fallback');
    assert.equal(Array.from(safeStem('🙂'.repeat(200), 'x')).length, 80);
    // NFC: "é" as e + combining accent and as one character is one name.
    assert.equal(safeStem('Rene\u0301', 'x'), 'René');
  });

  it('drops the original document extension the source name carries', () => {
    assert.equal(withoutDocumentExtension('Interview 1.docx'), 'Interview 1');
    assert.equal(withoutDocumentExtension('Notes v1.2'), 'Notes v1.2');
  });

  it('makes names unique ignoring case, as Windows and macOS compare them', () => {
    const names = new UniqueNames();
    assert.deepEqual(
      ['P01', 'p01', 'P01', 'P02'].map((stem) => names.claim(stem, '.txt')),
      ['P01.txt', 'p01 (2).txt', 'P01 (3).txt', 'P02.txt'],
    );
  });
});
