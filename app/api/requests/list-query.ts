import { z } from "zod";
import { viewSchema } from "@/lib/api/route-input";

export const listQuerySchema = z.object({
  view: viewSchema.default("all"),
  // Its length and everything else are the cursor's own checks (lib/upstreams/cursor): any bad cursor is invalid_cursor.
  cursor: z.string().optional(),
});
