import { AppError } from "@/lib/errors/app-error";

/** The AppError `fn` throws; fails the test if it throws nothing or something else. */
export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
