import { describe, expect, it } from "vitest";
import { KnotError } from "../src/errors.js";
import { knotPaths } from "../src/paths.js";

const failure = (read: () => string) => {
  try {
    read();
  } catch (error) {
    return error as KnotError;
  }
  throw new Error("no error");
};

describe("where knot keeps things", () => {
  it("follows XDG when the variables are absolute paths", () => {
    const paths = knotPaths(
      { HOME: "/home/a", XDG_CONFIG_HOME: "/c", XDG_DATA_HOME: "/d" },
      "linux",
    );
    expect([paths.config, paths.data]).toEqual(["/c/knot", "/d/knot"]);
  });

  it("ignores a relative XDG_CONFIG_HOME or XDG_DATA_HOME, as the spec says", () => {
    const paths = knotPaths(
      { HOME: "/home/a", XDG_CONFIG_HOME: "cfg", XDG_DATA_HOME: "./d" },
      "linux",
    );
    expect([paths.config, paths.data]).toEqual([
      "/home/a/.config/knot",
      "/home/a/.local/share/knot",
    ]);
  });

  it.each([
    ["empty", "", /HOME is empty/],
    ["relative", "me", /HOME is a relative path \("me"\)/],
  ])("a %s HOME is an environment error (exit 1) that says what to set", (_l, HOME, message) => {
    for (const platform of ["linux", "darwin"] as const) {
      const error = failure(() => knotPaths({ HOME }, platform).config);
      expect(error).toBeInstanceOf(KnotError);
      expect(error.exitCode).toBe(1);
      expect(error.message).toMatch(message);
      expect(error.hint).toMatch(/Set HOME to your home folder/);
    }
  });

  it("never falls back to a shared folder such as /tmp", () => {
    expect(() => knotPaths({ HOME: "" }, "linux").data).toThrow(KnotError);
  });

  it("works a folder out when first asked and keeps it; an error is not kept", () => {
    const env: NodeJS.ProcessEnv = { HOME: "" };
    const paths = knotPaths(env, "linux");
    expect(() => paths.data).toThrow(KnotError);
    env.HOME = "/home/ana";
    expect(paths.data).toBe("/home/ana/.local/share/knot");
    env.XDG_DATA_HOME = "/elsewhere";
    expect(paths.data).toBe("/home/ana/.local/share/knot");
  });

  it("needs no HOME when both XDG folders are given", () => {
    const paths = knotPaths({ HOME: "", XDG_CONFIG_HOME: "/c", XDG_DATA_HOME: "/d" }, "linux");
    expect(paths.data).toBe("/d/knot");
  });
});
