// zod compiles fast parsers with `new Function` unless told otherwise; the dashboard's
// Content-Security-Policy forbids eval, and the attempt alone is reported as a violation.
import { z } from 'zod';

z.config({ jitless: true });
