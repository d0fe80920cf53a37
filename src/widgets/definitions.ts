/** Every widget definition, in catalogue order (tests, the Lab page). Light: no island code. From registry.ts. */
export { allDefinitions } from './registry';
