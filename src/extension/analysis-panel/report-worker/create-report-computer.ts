import * as vscode from 'vscode';
import type { GroundedServices } from '../../services';
import { InProcessReportComputer, type ReportComputer } from './report-computer';
import { WorkerReportComputer } from './worker-report-computer';

let channel: vscode.LogOutputChannel | undefined;

/** The log where the panel says where its reports are computed and why not in a worker. */
function log(services: GroundedServices): vscode.LogOutputChannel {
  if (!channel) {
    const created = vscode.window.createOutputChannel('Grounded Analysis', { log: true });
    services.context.subscriptions.push(created, { dispose: () => (channel = undefined) });
    channel = created;
  }
  return channel;
}

/**
 * A worker when the platform can start one, otherwise in-process with the reason logged: reports are the
 * same either way, only the extension host's thread is spared by the worker.
 */
export function createReportComputer(services: GroundedServices): ReportComputer {
  const start = services.platform.reportWorker;
  if (!start) {
    const reason = 'this platform starts no report worker';
    log(services).info(`Analysis reports are computed in-process: ${reason}.`);
    return new InProcessReportComputer(services.fs, `in-process (${reason})`);
  }
  try {
    return new WorkerReportComputer(start(services.context.extensionUri), services.fs, (message) =>
      log(services).warn(message),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(services).warn(`Analysis reports are computed in-process: the report worker did not start (${reason}).`);
    return new InProcessReportComputer(services.fs, `in-process (${reason})`);
  }
}
