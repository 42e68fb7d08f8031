import type { ZipLimits } from '../zip-safety';
import type { ImportPlan } from './import-plan';
import { parseProject } from './parse-project';
import { readQdpx } from './read-qdpx';
import { decodeSource } from './source-text';
import { projectToStudy } from './to-study';

/**
 * A .qdpx project as the files of a new Grounded study, all in memory: nothing is written here, so a package
 * that fails anywhere (not a zip, unsafe, not XML) leaves no trace. Throws RefiImportError naming the file.
 */
export function importQdpx(bytes: Uint8Array, fileName: string, limits?: ZipLimits): ImportPlan {
  const pack = readQdpx(bytes, fileName, limits);
  const project = parseProject(decodeSource(pack.projectBytes).stored, `${fileName} › ${pack.projectEntry}`);
  return projectToStudy(project, (path) => pack.find(path)?.bytes);
}
