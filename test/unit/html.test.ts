// HTML escaping: user values are data, never markup.
import { escapeHtml } from "../../src/domain/html";

describe("escapeHtml", () => {
  it.each<[unknown, string]>([
    ["plain", "plain"],
    ["a & b", "a &amp; b"],
    ["<script>", "&lt;script&gt;"],
    [`"quoted" 'single'`, "&quot;quoted&quot; &#39;single&#39;"],
    ["&amp;", "&amp;amp;"],
    [42, "42"],
    [null, ""],
    [undefined, ""],
    [0, "0"],
  ])("%j → %j", (value, html) => {
    expect(escapeHtml(value)).toBe(html);
  });
});
