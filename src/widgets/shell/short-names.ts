/** Short, stable prefixes of widget ids in permalinks (`#fit-relu-neurons=…`), from the one list in registry.ts. */
export { shortNames } from '../registry';
