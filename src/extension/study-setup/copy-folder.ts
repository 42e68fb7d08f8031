import * as vscode from 'vscode';

/**
 * Copies a folder tree over vscode.workspace.fs. workspace.fs.copy cannot copy between two file systems (the
 * extension's install folder and the person's disk are different ones in a remote or web window); reading
 * and writing each file can. The files of a folder are copied concurrently: over a remote connection each
 * read and write is a round trip. Returns the number of files copied.
 */
export async function copyFolder(source: vscode.Uri, target: vscode.Uri): Promise<number> {
  await vscode.workspace.fs.createDirectory(target);
  const entries = await vscode.workspace.fs.readDirectory(source);
  const counts = await Promise.all(
    entries.map(async ([name, type]) => {
      const from = vscode.Uri.joinPath(source, name);
      const to = vscode.Uri.joinPath(target, name);
      if (type & vscode.FileType.Directory) return copyFolder(from, to);
      if (!(type & vscode.FileType.File)) return 0;
      await vscode.workspace.fs.writeFile(to, await vscode.workspace.fs.readFile(from));
      return 1;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
