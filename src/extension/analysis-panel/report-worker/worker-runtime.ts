import type { DirectoryEntry, FileStat, FileSystemPort, Study, StudyTranscript } from '../../../core/index';
import type { FileAnswer, FileQuestion, FromWorker, MessageEnd, ToWorker } from './messages';
import { ReportService } from './report-service';

/**
 * The report worker's side: keeps the transcripts the host sent (by id) and the latest study, answers
 * report and overlap jobs with the same ReportService the host runs in-process, and reads survey files by
 * asking the host (the worker has no file system of its own on the web, and must not read around the port).
 * Jobs arrive one at a time: the host sends the next only when the last is answered.
 */
export function serveReports(host: MessageEnd<FromWorker, ToWorker>): void {
  const transcripts = new Map<number, StudyTranscript>();
  let study: Study | undefined;
  const calls = new Map<number, { resolve: (value: FileAnswer) => void; reject: (error: Error) => void }>();
  let nextCall = 0;
  const ask = (question: FileQuestion) =>
    new Promise<FileAnswer>((resolve, reject) => {
      const call = nextCall++;
      calls.set(call, { resolve, reject });
      host.post({ type: 'ask', call, question });
    });
  const service = new ReportService(hostFileSystem(ask));

  host.onMessage((message) => {
    switch (message.type) {
      case 'transcripts':
        for (const { id, transcript } of message.items) transcripts.set(id, transcript);
        return;
      case 'study': {
        study = {
          ...message.frame,
          transcripts: message.transcripts.map((id) => transcripts.get(id) as StudyTranscript),
        };
        // Only the latest study is kept: transcripts it no longer has are dropped here as on the host.
        const kept = new Set(message.transcripts);
        for (const id of transcripts.keys()) if (!kept.has(id)) transcripts.delete(id);
        return;
      }
      case 'answer':
      case 'refusal': {
        const pending = calls.get(message.call);
        calls.delete(message.call);
        if (message.type === 'answer') pending?.resolve(message.value);
        else pending?.reject(new Error(message.message));
        return;
      }
      case 'report':
      case 'overlaps':
        void run(message);
        return;
    }
  });

  async function run(message: Extract<ToWorker, { type: 'report' | 'overlaps' }>): Promise<void> {
    try {
      if (!study) throw new Error('no study was sent before the job');
      if (message.type === 'report') {
        const outcome = await service.report(study, message.visible, message.request);
        // The report's bytes move to the host rather than being copied.
        host.post(
          { type: 'report', job: message.job, outcome },
          outcome.ok ? [outcome.encoded.buffer as ArrayBuffer] : [],
        );
      } else
        host.post({
          type: 'overlaps',
          job: message.job,
          result: service.overlaps(study, message.visible, message.request, message.a, message.b),
        });
    } catch (error) {
      host.post({ type: 'failed', job: message.job, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** Reading only: the report reads survey files and writes nothing. */
function hostFileSystem(ask: (question: FileQuestion) => Promise<FileAnswer>): FileSystemPort {
  const readOnly = () => Promise.reject(new Error('the report worker only reads files'));
  return {
    readFile: async (uri) => (await ask({ op: 'readFile', uri })) as Uint8Array,
    stat: async (uri) => (await ask({ op: 'stat', uri })) as FileStat | undefined,
    list: async (uri) => (await ask({ op: 'list', uri })) as readonly DirectoryEntry[],
    writeFile: readOnly,
    delete: readOnly,
    replaceIfUnchanged: readOnly,
    lock: readOnly,
    isWriteArtifact: () => false,
  };
}
