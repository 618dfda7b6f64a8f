// The reference app's look, shared by every WASM page (as the React pages share theirs). It is
// generated from legacy-react/pages/shared/theme.ts into generated/theme.ts by the build
// (wasm-pages/build/generate-constants.ts), so it always matches the React one: the React page is
// the ground truth and parity tests compare the two scenes prop for prop. Import it from here.
export { theme, STAGE, MARGIN, MOTION } from "./generated/theme";
