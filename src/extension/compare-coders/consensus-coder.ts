import * as vscode from 'vscode';
import { CODER_ID, DEFAULT_CONSENSUS_CODER, type Study } from '../../core/index';
import { toVscodeUri } from '../platform/workspace-file-system';
import { UserError } from '../shared/errors';

/** The coder whose sidecars hold what the team decided: the `grounded.consensusCoder` setting of the study. */
export function consensusCoderOf(study: Study): string {
  const configured = vscode.workspace
    .getConfiguration('grounded', toVscodeUri(study.root))
    .get<string>('consensusCoder', DEFAULT_CONSENSUS_CODER)
    .trim();
  const coder = configured === '' ? DEFAULT_CONSENSUS_CODER : configured;
  if (!CODER_ID.test(coder))
    throw new UserError(
      `The setting grounded.consensusCoder is "${coder}", which is not a coder id: use lowercase letters, digits, "-" and "_" (default "${DEFAULT_CONSENSUS_CODER}").`,
    );
  return coder;
}

/** The consensus coder must not be one of the two coders compared: their own sidecars are never written. */
export function refuseConsensusAmong(consensus: string, first: string, second: string): void {
  if (consensus === first || consensus === second)
    throw new UserError(
      `${consensus} is the consensus coder (setting grounded.consensusCoder), so it cannot be one of the two coders compared: their sidecars are never written. Compare two other coders, or set another consensus coder.`,
    );
}
