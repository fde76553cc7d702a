// npm start: builds (see package.json), then serves the playground on localhost: the add-on on a
// demo team spreadsheet in the offline emulator, with the real sidebar beside the tabs.
// `npm start -- --reset` starts over from a fresh demo; `--port N` picks the port (default 8787);
// `npm start -- --import FILE.csv` first imports a list with the add-on's own importer.
import { importFileIntoPlayground, importFlagGiven } from "./demo/importFile";
import { TEAM } from "./demo/workbench";
import { DEFAULT_STATE_FILE, startPlayground } from "./playground/server";

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

async function main(): Promise<void> {
  const playground = await startPlayground({
    port: Number(argument("--port") ?? process.env.PORT ?? 8787),
    stateFile: process.env.TOUCHBASE_PLAYGROUND_STATE ?? DEFAULT_STATE_FILE,
    reset: process.argv.includes("--reset"),
    contacts: Number(process.env.TOUCHBASE_DEMO_CONTACTS ?? 60),
    touches: Number(process.env.TOUCHBASE_DEMO_TOUCHES ?? 480),
  });
  if (importFlagGiven(process.argv)) {
    console.log(`${TEAM[0]} → Import contacts`);
    importFileIntoPlayground(playground, TEAM[0]!, process.argv, (text) => console.log(text));
    playground.save();
  }
  console.log(`Touchbase playground: ${playground.url}`);
  console.log(
    "Edits are kept in .playground/state.json; `npm start -- --reset` starts over. Ctrl+C stops.",
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
