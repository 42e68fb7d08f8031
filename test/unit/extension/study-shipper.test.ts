/**
 * The study shipper clones each transcript in its own message and gives the event loop a turn between them
 * (when the pause says so), so a large first send to a worker never holds the extension host in one long clone;
 * a later version of the study sends only the transcripts that changed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadStudy, type Study } from '../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { StudyShipper } from '../../../src/extension/shared/study-shipper';
import type { StudyMessage } from '../../../src/extension/shared/worker-messages';

const EXAMPLE = join(__dirname, '../../../examples/mentorship-study');

describe('study shipper', () => {
  it('posts one transcript per message, pausing after each, and a timer fires during the send', async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
    const posted: StudyMessage[] = [];
    let pauses = 0;
    const shipper = new StudyShipper(
      (message) => posted.push(message),
      () => {
        pauses++;
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    );
    let fired = false;
    setTimeout(() => (fired = true), 0);
    await shipper.ship(study);
    assert.ok(fired, 'a timer had its turn while the study was sent');
    const batches = posted.flatMap((m) => (m.type === 'transcripts' ? [m.items.length] : []));
    assert.deepEqual(
      batches,
      study.transcripts.map(() => 1),
    );
    assert.equal(pauses, study.transcripts.length);
    assert.equal(posted.at(-1)?.type, 'study');

    const [first, ...rest] = study.transcripts;
    assert.ok(first);
    posted.length = 0;
    await shipper.ship({ ...study, transcripts: [{ ...first }, ...rest] } satisfies Study);
    assert.deepEqual(
      posted.map((m) => (m.type === 'transcripts' ? m.items.length : m.type)),
      [1, 'study'],
    );
  });
});
