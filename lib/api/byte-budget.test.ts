import { describe, expect, it } from "vitest";
import { ByteBudget } from "./byte-budget";

describe("byte budget", () => {
  it("grants reservations until the limit, refuses the one that would pass it, and takes bytes back", () => {
    const budget = new ByteBudget(100);
    expect(budget.tryReserve(60)).toBe(true);
    expect(budget.tryReserve(41)).toBe(false);
    expect(budget.inUse).toBe(60);
    expect(budget.tryReserve(40)).toBe(true);
    budget.release(60);
    expect(budget.tryReserve(50)).toBe(true);
    expect(budget.inUse).toBe(90);
  });
});
