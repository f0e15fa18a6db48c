import { z } from 'zod';

// zod compiles fast parsers with `new Function` when it can. The Electron app page forbids
// eval in its CSP and even the probe shows up as a CSP violation, so never try: imported
// first, before any schema parses.
z.config({ jitless: true });
