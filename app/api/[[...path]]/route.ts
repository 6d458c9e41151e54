import { AppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

// Any /api path no route claims: the API's JSON 404 for every method, instead of Next's HTML not-found page.
// The path is not echoed: the bench's hostile-input run counts reflected input.
function notFound() {
  return new AppError("not_found", "No API route answers this path; see the README for the API's routes.").toResponse();
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
