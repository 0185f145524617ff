/** The usage text of `npm run yatra -- help`. */
export const usage = `Yatra CLI — validate, publish and simulate journeys from JSON files.

Usage: npm run yatra -- <command> [options]
   or: npx tsx scripts/yatra.ts <command> [options]

Commands:
  validate <journey.json> [--json]
      Parse and compile a journey document. Prints its facts, or every error by node.
      --json   print { ok, errors, facts } instead

  publish <journey.json> [--name <name>] [--json]
      Validate, then store the journey in the database and publish a new live version.
      Updates the draft of the journey with that name, or creates it. Uses DATABASE_URL, else
      the embedded PostgreSQL of \`npm start\` (attached if running, started for the command if not).
      --name   publish under this name instead of the document's "name"
      --json   print { journeyId, versionId, version, name, created }

  simulate <journey.json> --customer <customer.json> --events <events.json> [--start <ISO>] [--journey-id <id>] [--json]
      Run one customer through the whole journey window on a virtual clock (nothing is sent).
      customer.json  { id, name?, phone?, email?, language?, timeZone?, attributes? }
      events.json    [ entry event { type, properties, at? }, then { type, properties, day? | at? } … ]
                     day = days after entry (fractional allowed); at = ISO time with offset
      --start  entry time (ISO 8601 with offset); default the entry event's "at", else 2026-01-01T04:30Z
      --journey-id  the published journey's id: random cohort splits hash it, so use it to
               reproduce a live customer's arm (default: simulation)
      --json   print { steps, messages, exit, path } exactly as simulate() returns it

  help
      Show this text.

Exit codes: 0 ok · 1 invalid journey or input (errors printed) · 2 misuse (unknown command, missing file).

Examples:
  npm run yatra -- validate examples/journeys/post-purchase-45.json
  npm run yatra -- simulate examples/journeys/post-purchase-45.json \\
      --customer examples/customers/cod-customer.json --events examples/events/cod-delivered.json
  npm run yatra -- publish examples/journeys/post-purchase-45.json
`;
