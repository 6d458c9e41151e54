import "server-only";
import { AppError } from "@/lib/errors/app-error";

// The browser sends the user's Graph access token; the server forwards it unchanged and never logs it.
const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/;

export function readBearerToken(request: Request): string {
  const header = request.headers.get("authorization");
  if (!header) throw new AppError("unauthenticated", "Sign in first: this request carried no access token.");
  const match = BEARER.exec(header);
  if (!match?.[1] || match[1].length > 16_384) {
    throw new AppError("unauthenticated", "The Authorization header must be 'Bearer <access token>'.");
  }
  return match[1];
}
