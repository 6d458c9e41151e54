import { describe, expect, it } from "vitest";
import { directoryRoleNames } from "./directory-role-names";

describe("the directory roles Graph reports, by name", () => {
  it("names the built-in roles the app's rules mention, whatever the letter case, and counts the others", () => {
    expect(directoryRoleNames(["E8611AB8-C189-46E8-94E1-60213AB1F814", "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e"])).toEqual([
      "Identity Governance Administrator",
      "Privileged Role Administrator",
    ]);
    expect(directoryRoleNames(["62e90394-69f5-4237-9190-012177145e10", "11111111-2222-3333-4444-555555555555"])).toEqual(["Global Administrator", "1 other directory role"]);
    expect(directoryRoleNames([])).toEqual([]);
  });
});
