/**
 * The disclosure registry: schema, lookup, and the bundled copy (lib/disclosures/registry.json,
 * built by scripts/build-registry.ts). Validation happens here, so import this from the
 * background or extension pages, not from content scripts (no zod in the page).
 */
import data from './registry.json';
import { RegistrySchema, type Registry } from './schema';

export * from './schema';
export * from './lookup';

/** The registry that ships with the extension, validated at load. */
export const BUNDLED: Registry = RegistrySchema.parse(data);
