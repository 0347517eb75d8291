// npm run build: the production build (the app with `remix build`, then the launcher and its server bundled into
// build/server/), which `npm start` serves.
import { buildApp } from "./server/build";

await buildApp((m) => console.log(`[build] ${m}`));
