import { describe, expect, it } from "vitest";
import { pagingOptionsOf } from "./paging-options";

describe("what of a next link goes into a cursor", () => {
  it("keeps only the paging options, as the upstream spelled them", () => {
    const link = "https://graph.microsoft.com/v1.0/groups?$filter=securityEnabled%20eq%20true&$top=5&$skiptoken=X%2BY";
    expect(pagingOptionsOf(link, "graph")).toEqual([
      ["$top", "5"],
      ["$skiptoken", "X+Y"],
    ]);
    expect(pagingOptionsOf("https://management.azure.com/x?api-version=1&$filter=asTarget()&$skipToken=abc", "arm")).toEqual([["$skipToken", "abc"]]);
  });

  it("gives nothing for a link that would not continue the list, or names a paging option twice", () => {
    expect(pagingOptionsOf("https://graph.microsoft.com/v1.0/groups?$top=5", "graph")).toBeUndefined();
    expect(pagingOptionsOf("https://graph.microsoft.com/v1.0/groups?$skiptoken=a&$skiptoken=b", "graph")).toBeUndefined();
    expect(pagingOptionsOf("https://management.azure.com/x?$skip=5", "arm")).toBeUndefined();
    expect(pagingOptionsOf("not a link", "graph")).toBeUndefined();
  });
});
