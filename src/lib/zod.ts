/**
 * zod for code that runs in the page: `zod/mini`, the same parser with a functional API that bundles only what a
 * schema uses (about 5 KB gzip here, against about 20 KB for the classic API, whose chainable methods keep the
 * whole library, JSON Schema conversion included). The build-time schemas (content collections, language files)
 * keep the classic API. zod 4 probes `new Function('')` to decide whether to compile its object parsers; under our
 * Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as a violation. `jitless` skips the
 * probe and parses the same way, interpreted.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
