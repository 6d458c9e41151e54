import { describe, expect, it } from "vitest";

import { accessTokenClaimsOf, mergeClaimsRequests, readClaimsRequest } from "./claims-request";

const read = (json: string) => readClaimsRequest(accessTokenClaimsOf(json) ?? {});

describe("the claims request parameter", () => {
  it("reads CP1 from MSAL's client capabilities, in any case", () => {
    expect(read('{"access_token":{"xms_cc":{"values":["CP1"]}}}')).toEqual({ cp1: true, authContexts: [] });
    expect(read('{"access_token":{"xms_cc":{"values":["cp1","cp2"]}}}').cp1).toBe(true);
    expect(read('{"access_token":{"xms_cc":{"values":["CP2"]}}}').cp1).toBe(false);
    expect(read('{"id_token":{"xms_cc":{"values":["CP1"]}}}').cp1).toBe(false);
  });

  it("reads authentication contexts from acrs value or values, ignoring what is not an auth context id", () => {
    expect(read('{"access_token":{"xms_cc":{"values":["CP1"]},"acrs":{"essential":true,"value":"c1"}}}')).toEqual({
      cp1: true,
      authContexts: ["c1"],
    });
    expect(read('{"access_token":{"acrs":{"essential":true,"values":["C2","c1","c1","urn:x","c100"]}}}').authContexts).toEqual(["c2", "c1"]);
  });

  it("tells an absent parameter ({}) from one that is not a JSON object (undefined)", () => {
    expect(accessTokenClaimsOf(undefined)).toEqual({});
    expect(accessTokenClaimsOf("")).toEqual({});
    expect(accessTokenClaimsOf('{"id_token":{}}')).toEqual({});
    expect(accessTokenClaimsOf("{nope")).toBeUndefined();
    expect(accessTokenClaimsOf("[1]")).toBeUndefined();
    expect(accessTokenClaimsOf('"x"')).toBeUndefined();
  });

  it("merges what /auth and /token asked for", () => {
    expect(mergeClaimsRequests({ cp1: false, authContexts: ["c1"] }, { cp1: true, authContexts: ["c1", "c2"] })).toEqual({
      cp1: true,
      authContexts: ["c1", "c2"],
    });
  });
});
