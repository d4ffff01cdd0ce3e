#!/usr/bin/env node
// `npx diplograph …`: runs the compiled CLI (npm run build first; npm start builds too).
require('../dist/src/cli.js');
