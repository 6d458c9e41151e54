import { z } from "zod";
import { viewSchema } from "@/lib/api/route-input";

export const listQuerySchema = z.object({
  view: viewSchema.default("all"),
  cursor: z.string().max(8_192, "The cursor is too long.").optional(),
});
