import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CategoryAccess } from "@/lib/requests/category-access";
import { memoryStorage } from "@/test-support/memory-storage";
import { rememberAccess, rememberedAccess } from "./remembered-access";

const ADMIN_ACCESS: CategoryAccess[] = [
  { category: "access-package", views: { mine: { available: true }, all: { available: true } } },
  {
    category: "directory-role-eligibility",
    views: { mine: { available: true }, all: { available: false, code: "forbidden", message: "Missing RoleEligibilitySchedule.Read.Directory." } },
  },
];

beforeEach(() => {
  vi.stubGlobal("localStorage", memoryStorage());
});

describe("remembered access", () => {
  it("gives back what was remembered for the same account, refusals and their reasons included", () => {
    rememberAccess("admin-home-id", { categories: ADMIN_ACCESS });
    expect(rememberedAccess("admin-home-id")).toEqual({ categories: ADMIN_ACCESS, directoryRoles: null });
  });

  it("never hands one account's answer to another", () => {
    rememberAccess("admin-home-id", { categories: ADMIN_ACCESS });
    expect(rememberedAccess("megan-home-id")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{oops"],
    ["no categories", JSON.stringify({})],
    ["a view without its verdict", JSON.stringify({ categories: [{ category: "access-package", views: { mine: { available: true } } }] })],
    ["a verdict that is not a boolean", JSON.stringify({ categories: [{ category: "access-package", views: { mine: { available: "yes" }, all: { available: true } } }] })],
  ])("ignores a stored entry that is %s, so the dashboard waits for the probe", (_, stored) => {
    localStorage.setItem("request-desk.access.admin-home-id", stored);
    expect(rememberedAccess("admin-home-id")).toBeUndefined();
  });

  it("keeps working when the browser refuses storage", () => {
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
    });
    expect(() => rememberAccess("admin-home-id", { categories: ADMIN_ACCESS })).not.toThrow();
    expect(rememberedAccess("admin-home-id")).toBeUndefined();
  });
});
