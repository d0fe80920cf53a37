/** Widget initializer keys → engine initializer specs (`small_normal` is a deliberately bad, tiny init). */
import type { InitializerSpec } from '@engine/types';
import type { WidgetInitializer } from './engine-choices';

export function initializerSpec(key: WidgetInitializer): InitializerSpec {
  if (key === 'small_normal') return { name: 'normal', scale: 0.001 };
  return { name: key };
}
