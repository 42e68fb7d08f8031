/** The code network: building it from a codebook and codings, laying it out, drawing and exporting it. */
export * from './network-types';
export { buildCodeNetwork, paletteColor } from './build-network';
export type { CodeNetworkInput, NetworkCoding, NetworkParticipant } from './build-network';
export { codeNetworkOfStudy, codeNetworkOfStudyData, type StudyNetworkOptions } from './study-network';
export { layoutNetwork, nodeRadius, MIN_RADIUS, MAX_RADIUS } from './layout';
export type { LayoutOptions, NetworkLayout, PlacedNode } from './layout';
export { renderNetworkSvg, escapeXml, type SvgOptions } from './svg';
export * from './export/index';
