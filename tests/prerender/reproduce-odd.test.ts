// Run reproduces the pre-render: the presets at odd positions (the other half is reproduce-even.test.ts).
import { reproducePresets } from './reproduce';

reproducePresets(1);
