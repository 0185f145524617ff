// The Yatra CLI: `npm run yatra -- <validate|publish|simulate|help> …` (see scripts/cli/help.ts).
import { main } from './cli/main';

process.exitCode = await main(process.argv.slice(2));
