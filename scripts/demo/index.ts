// Demo data for the playground, tests and benchmarks (not part of the add-on bundle).
export {
  DEFAULT_DEMO_OWNERS,
  generateDemoSheet,
  type DemoOptions,
  type DemoSheet,
} from "./generate";
export { loadDemoIntoSpreadsheet } from "./load";
