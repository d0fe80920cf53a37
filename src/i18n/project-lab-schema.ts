import { z } from 'zod';

import { chart, texts } from './schema-parts';

/**
 * ProjectLab (chapter 4): its four charts, the project card (row names and the templates of their values), the
 * series names and the readouts. Templates use `{name}` placeholders, filled as text.
 */
export const projectLabStrings = z.strictObject({
  charts: z.strictObject({ accuracy: chart, ratio: chart, ratioLoss: chart, votes: chart }),
  card: texts(['title', 'dataset', 'model', 'loss', 'optimizer', 'seed', 'digits', 'network', 'logistic', 'optimizerValue', 'seeds', 'and']),
  series: texts(['logistic', 'mlp', 'members', 'chance', 'rate', 'band', 'loss', 'mean', 'majority', 'weighted']),
  readouts: texts(['baseline', 'time', 'ratio', 'votes']),
});
