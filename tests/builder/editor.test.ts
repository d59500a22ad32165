import { describe, expect, it } from "vitest";
import { FALLBACK_EDITORS, pickEditor } from "../../src/builder/editor.js";

describe("the editor knot edit opens", () => {
  const none = () => false;
  it("is $VISUAL, then $EDITOR, arguments and all", () => {
    expect(pickEditor({ VISUAL: "code --wait", EDITOR: "vi" }, none)).toBe("code --wait");
    expect(pickEditor({ VISUAL: " ", EDITOR: "nano -w" }, none)).toBe("nano -w");
  });

  it("else the first of editor, nano and vi that is installed", () => {
    expect(FALLBACK_EDITORS).toEqual(["editor", "nano", "vi"]);
    expect(pickEditor({}, (name) => name !== "editor", "linux")).toBe("nano");
    expect(pickEditor({}, (name) => name === "vi", "linux")).toBe("vi");
    expect(pickEditor({}, none, "linux")).toBeUndefined();
    expect(pickEditor({}, none, "win32")).toBe("notepad");
  });
});
