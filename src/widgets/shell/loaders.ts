/** Family name → lazy import of its island code (derived from the one list in registry.ts). */
export { familyLoaders } from '../registry';
