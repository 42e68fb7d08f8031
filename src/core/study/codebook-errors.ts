/** A codebook edit that cannot be made as asked; the message says why and what to do. */
export class CodebookEditError extends Error {}
