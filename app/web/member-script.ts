// The members' enhancements (the composer's @/# suggestions, image paste/drop/pick, keyboard shortcuts) as
// one external file instead of 8 KB inlined in every member page: the browser keeps it for a year and each
// page is that much lighter. Its address names its content, so a changed script is a new address.
import { SUGGEST_SCRIPT } from "../components/composer";
import { KEYS_SCRIPT } from "../components/keyboard-shortcuts";
import { UPLOAD_SCRIPT } from "./upload-script";

export const MEMBER_SCRIPT = [SUGGEST_SCRIPT, UPLOAD_SCRIPT, KEYS_SCRIPT].join(";\n");

/** FNV-1a over the text: a content name that the server and the browser bundle compute alike. */
function contentName(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export const MEMBER_SCRIPT_FILE = `member-${contentName(MEMBER_SCRIPT)}.js`;
export const MEMBER_SCRIPT_SRC = `/assets/${MEMBER_SCRIPT_FILE}`;
