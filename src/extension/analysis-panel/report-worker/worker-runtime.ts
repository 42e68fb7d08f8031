import { parseSurveyFiles, type DirectoryEntry, type FileStat, type FileSystemPort } from '../../../core/index';
import type { FileAnswer, FileQuestion, FromWorker, MessageEnd, ToWorker } from './messages';
import { ReportService } from './report-service';
import { StudyMirror } from '../../shared/study-mirror';

/**
 * The report worker's side: keeps the transcripts the host sent (by id) and the latest study, answers
 * report and overlap jobs with the same ReportService the host runs in-process, and reads survey files by
 * asking the host (the worker has no file system of its own on the web, and must not read around the port).
 * Jobs arrive one at a time: the host sends the next only when the last is answered.
 */
export function serveReports(host: MessageEnd<FromWorker, ToWorker>): void {
  const mirror = new StudyMirror();
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
    if (mirror.receive(message)) return;
    switch (message.type) {
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
      case 'r-package':
      case 'refi-project':
      case 'network':
        void run(message);
        return;
      case 'survey':
        // No study needed: the host sends the bytes it read.
        host.post({ type: 'survey', job: message.job, loaded: parseSurveyFiles(message.files, message.settings) });
        return;
    }
  });

  async function run(
    message: Extract<ToWorker, { type: 'report' | 'overlaps' | 'r-package' | 'refi-project' | 'network' }>,
  ): Promise<void> {
    try {
      const study = mirror.study;
      if (!study) throw new Error('no study was sent before the job');
      if (message.type === 'report') {
        const outcome = await service.report(study, message.visible, message.request);
        // The report's bytes move to the host rather than being copied.
        host.post(
          { type: 'report', job: message.job, outcome },
          outcome.ok ? [outcome.encoded.buffer as ArrayBuffer] : [],
        );
      } else if (message.type === 'network')
        host.post({
          type: 'network',
          job: message.job,
          network: await service.network(study, message.visible, message.request, message.threshold),
        });
      else if (message.type === 'refi-project') {
        const outcome = await service.refiProject(study, message.codebook, message.options);
        // The archive's bytes move to the host rather than being copied.
        host.post(
          { type: 'refi-project', job: message.job, outcome },
          outcome.kind === 'archive' ? [outcome.archive.bytes.buffer as ArrayBuffer] : [],
        );
      } else if (message.type === 'r-package') {
        const outcome = await service.rPackage(study, message.visible, message.request);
        host.post(
          { type: 'r-package', job: message.job, outcome },
          outcome.kind === 'files' ? outcome.files.map((file) => file.bytes.buffer as ArrayBuffer) : [],
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
