/**
 * Option lists of widget controls that name an engine choice, checked against the engine's registries: a
 * widget may offer only names the engine knows (a typo or a removed entry fails to compile), and each such
 * name has its strings because the i18n schema derives those keys from the same registries.
 */
import type { HiddenActivationName } from '@engine/registry/activations';
import type { InitializerName } from '@engine/registry/initializers';
import type { OptimizerName } from '@engine/registry/optimizers';

/** The widgets' own bad initializer (a tiny normal, `common/initializers.ts`), offered next to the registry's. */
export type WidgetInitializer = InitializerName | 'small_normal';

export const activationOptions = <const Names extends readonly HiddenActivationName[]>(...names: Names): Names => names;
export const initializerOptions = <const Names extends readonly WidgetInitializer[]>(...names: Names): Names => names;
export const optimizerOptions = <const Names extends readonly OptimizerName[]>(...names: Names): Names => names;
