// The demo SMS in a process of its own for the end-to-end tests (started by ./sms.ts through tsx).
import { runSmsProcess } from './smsProcessRunner';

runSmsProcess();
