import type { GroundedServices } from '../services';
import type { ReportOutput } from '../shared/report-output';
import { ImportConverter } from './import-converter';

/**
 * An import command's conversions: each run gets a conversion worker started for it and stopped after (in-process
 * where the platform starts none), and where the last run converted is kept; the import's output says so when it
 * was not a worker.
 */
export class ImportConversions {
  private last: string | undefined;

  constructor(
    private readonly services: GroundedServices,
    private readonly output: ReportOutput,
  ) {}

  /** Where the last run converted: 'worker', or 'in-process (<reason>)' (the integration tests read it). */
  get place(): string | undefined {
    return this.last;
  }

  async run<T>(use: (converter: ImportConverter) => Promise<T>): Promise<T> {
    const start = this.services.platform.conversionWorker;
    const converter = new ImportConverter(start && (() => start(this.services.context.extensionUri)));
    try {
      return await use(converter);
    } finally {
      converter.dispose();
      this.last = converter.place;
      if (converter.place !== undefined && converter.place !== 'worker')
        this.output.report([`The files were converted ${converter.place}.`], false);
    }
  }
}
