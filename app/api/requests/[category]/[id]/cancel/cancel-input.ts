import { z } from "zod";
import { viewSchema } from "@/lib/api/route-input";

/** Optional body: which view the user cancelled from decides the Graph path (self-service vs admin). */
export const cancelBodySchema = z.object({ view: viewSchema.default("all") }).strict();

/** `{"view":"mine"}` is 15 bytes; 4 KiB leaves room for whitespace and nothing else worth holding. */
export const CANCEL_BODY_MAX_BYTES = 4 * 1024;
