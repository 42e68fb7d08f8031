import { NodeFileSystem } from '../node/node-file-system';

/**
 * The file system every CLI command gets: blocking reads, because a command is one process doing one
 * thing, so there is nothing for asynchronous reads to overlap with and their thread-pool round trips
 * were the biggest part of a warm study load (see NodeFileSystemOptions.blocking).
 */
export function cliFileSystem(): NodeFileSystem {
  return new NodeFileSystem({ blocking: true, lockHolder: `grounded ${process.argv[2] ?? ''}`.trim() });
}
