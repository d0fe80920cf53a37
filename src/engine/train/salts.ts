/** Salts that derive independent random streams from a member's seed (see random.ts deriveSeed). */
export const SALT_BOOTSTRAP = 3;
export const SALT_FRESH = 5;
export const SALT_SHUFFLE = 7;
export const SALT_DROPOUT = 11;
export const SALT_BIAS_VARIANCE = 13;
export const SALT_REPLACE_OUTPUT = 17;
export const SALT_TRAIN_TRANSFORM = 19;
export const SALT_FAULT_LABELS = 23;
export const SALT_EVALUATION_DROPOUT = 29;
