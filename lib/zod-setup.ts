/**
 * Imported first by every extension page and the background. zod 4 probes `new Function('')`
 * before its first parse to decide whether it may compile fast paths; the extension's content
 * security policy forbids that, and Chrome lists each refusal as an error on the extension's card.
 * Without the probe, nothing is refused and nothing is logged.
 */
import { z } from 'zod';

z.config({ jitless: true });
