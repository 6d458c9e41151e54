import { z } from "zod";
import { viewSchema } from "@/lib/api/route-input";

/** Optional body: which view the user cancelled from decides the Graph path (self-service vs admin). */
export const cancelBodySchema = z.object({ view: viewSchema.default("all") }).strict();
