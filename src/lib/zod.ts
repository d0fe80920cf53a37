/**
 * zod for code that runs in the page. zod 4 probes `new Function('')` to decide whether to compile its
 * object parsers; under our Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as
 * a violation. `jitless` skips the probe and parses the same way, interpreted.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
