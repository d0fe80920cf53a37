/**
 * The one list of widget families. A family is registered here and nowhere else: its key (URLs, i18n
 * `widgets.families.<key>`, the wrapper's `data-family`), its short permalink prefix (`#fit-relu-neurons`), its
 * definition (state table and presets, light: no island code) and the lazy import of its island code.
 * Derived from it: `FamilyName`, `familyKeys` (i18n schema), `familyLoaders`, `shortNames`, `allDefinitions`,
 * the Lab page and the Lab e2e list (`testPreset`: a preset that shows its effect quickly).
 * The page's boot code does not import this module (its definitions would ship before any interaction): it loads
 * it on demand, together with the island it picks (see shell/boot.ts).
 */
import { activationFunctions } from './activation-functions/definition';
import { adversarialDigit } from './adversarial-digit/definition';
import { biasVariance } from './bias-variance/definition';
import { computePaths } from './compute-paths/definition';
import { debugLab } from './debug-lab/definition';
import { digitsExperiment } from './digits-experiment/definition';
import { forwardBackward } from './forward-backward/definition';
import { functionFit } from './function-fit/definition';
import { gradientCheck } from './gradient-check/definition';
import { gradientFlow } from './gradient-flow/definition';
import { hyperparameterSearch } from './hyperparameter-search/definition';
import { learnableFunction } from './learnable-function/definition';
import { learningRateSweep } from './learning-rate-sweep/definition';
import { lossSurface } from './loss-surface/definition';
import { modelGraph } from './model-graph/definition';
import { projectLab } from './project-lab/definition';
import { pruneNetwork } from './prune-network/definition';
import { recipeCheck } from './recipe-check/definition';
import { trainingDashboard } from './training-dashboard/definition';
import { shellFamily, type Family, type ShellFamily } from './shell/family';
import type { WidgetDefinition } from './shell/definition';
import type { StateTable } from './shell/params';

interface FamilyEntry<Key extends string, Table extends StateTable = StateTable> {
  key: Key;
  short: string;
  definition: WidgetDefinition<Table, Key>;
  /** Inferred from `definition` only (the island's type is checked against it, not read to type the list). */
  load: () => Promise<{ family: NoInfer<Family<Table, Key>> }>;
  /** A preset that shows the family's effect quickly (the Lab e2e test). */
  testPreset: string;
}

/** As the shell sees an entry: the family's state erased (shell/family.ts). */
type RegisteredFamily<Key extends string> = Omit<FamilyEntry<Key>, 'load'> & { load: () => Promise<{ family: Family<StateTable, Key> }> };

/**
 * Checks at compile time that the entry's key is its definition's family and that its island is typed by the same
 * table (tests/unit/widgets/registry.test.ts checks the rest); the loaded family reaches the shell through `shellFamily`.
 */
function entry<const Key extends string, Table extends StateTable>(family: FamilyEntry<Key, Table>): RegisteredFamily<Key> {
  return { ...family, load: () => family.load().then((island) => ({ family: shellFamily(island.family) })) };
}

/** In catalogue order (the Lab shows them in this order). */
export const registry = [
  entry({ key: 'function-fit', short: 'fit', definition: functionFit, load: () => import('./function-fit/island'), testPreset: 'relu-neurons' }),
  entry({ key: 'gradient-flow', short: 'grad', definition: gradientFlow, load: () => import('./gradient-flow/island'), testPreset: 'deep-relu-he' }),
  entry({ key: 'learning-rate-sweep', short: 'lr', definition: learningRateSweep, load: () => import('./learning-rate-sweep/island'), testPreset: 'too-small-vs-too-large' }),
  entry({ key: 'activation-functions', short: 'act', definition: activationFunctions, load: () => import('./activation-functions/island'), testPreset: 'default' }),
  entry({ key: 'forward-backward', short: 'fb', definition: forwardBackward, load: () => import('./forward-backward/island'), testPreset: 'default' }),
  entry({ key: 'bias-variance', short: 'bv', definition: biasVariance, load: () => import('./bias-variance/island'), testPreset: 'epochs' }),
  entry({ key: 'recipe-check', short: 'recipe', definition: recipeCheck, load: () => import('./recipe-check/island'), testPreset: 'input-independent-baseline' }),
  entry({ key: 'hyperparameter-search', short: 'search', definition: hyperparameterSearch, load: () => import('./hyperparameter-search/island'), testPreset: 'random-vs-grid' }),
  entry({ key: 'loss-surface', short: 'surface', definition: lossSurface, load: () => import('./loss-surface/island'), testPreset: 'optimizers' }),
  entry({ key: 'digits-experiment', short: 'digits', definition: digitsExperiment, load: () => import('./digits-experiment/island'), testPreset: 'output-width' }),
  entry({ key: 'compute-paths', short: 'compute', definition: computePaths, load: () => import('./compute-paths/island'), testPreset: 'default' }),
  entry({ key: 'model-graph', short: 'graph', definition: modelGraph, load: () => import('./model-graph/island'), testPreset: 'digits-mlp' }),
  entry({ key: 'prune-network', short: 'prune', definition: pruneNetwork, load: () => import('./prune-network/island'), testPreset: 'magnitude-pruning' }),
  entry({ key: 'adversarial-digit', short: 'adv', definition: adversarialDigit, load: () => import('./adversarial-digit/island'), testPreset: 'fgsm' }),
  entry({ key: 'learnable-function', short: 'program', definition: learnableFunction, load: () => import('./learnable-function/island'), testPreset: 'square-area' }),
  entry({ key: 'project-lab', short: 'project', definition: projectLab, load: () => import('./project-lab/island'), testPreset: 'first-baseline' }),
  entry({ key: 'gradient-check', short: 'gradcheck', definition: gradientCheck, load: () => import('./gradient-check/island'), testPreset: 'swish-sigma-prime' }),
  entry({ key: 'training-dashboard', short: 'dashboard', definition: trainingDashboard, load: () => import('./training-dashboard/island'), testPreset: 'healthy-run' }),
  entry({ key: 'debug-lab', short: 'debuglab', definition: debugLab, load: () => import('./debug-lab/island'), testPreset: 'random-case' }),
] as const;

export type FamilyName = (typeof registry)[number]['key'];

export const familyKeys = registry.map((family) => family.key) as readonly FamilyName[];

export const familyLoaders = Object.fromEntries(registry.map((family) => [family.key, family.load])) as Record<FamilyName, () => Promise<{ family: ShellFamily }>>;

export const shortNames = Object.fromEntries(registry.map((family) => [family.key, family.short])) as Record<FamilyName, string>;

export const allDefinitions: WidgetDefinition[] = registry.map((family) => family.definition);
