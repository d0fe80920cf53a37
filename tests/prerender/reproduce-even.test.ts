// Run reproduces the pre-render: the presets at even positions (the other half is reproduce-odd.test.ts).
import { reproducePresets } from './reproduce';

reproducePresets(0);
