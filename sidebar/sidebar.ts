// The sidebar's script (placeholder until the sidebar issue): shows that the page loaded.
const statusLine = document.getElementById("status");
if (statusLine) {
  statusLine.textContent =
    "Touchbase is ready. Use the Touchbase menu to set up and refresh your sheet.";
}
export {};
