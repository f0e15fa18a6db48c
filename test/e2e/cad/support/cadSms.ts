import path from 'node:path';
import { startDemoSms, type DemoSms } from '../../support/sms';

/** The demo SMS for the console's tests, with hooks to raise alerts as a vendor system would. */
export interface CadSms extends DemoSms {
  /** Raises a Digital Service Point call; resolves with the alert's id. */
  raiseServicePointCall(): Promise<string>;
  /** Raises an officer's emergency button; resolves with the alert's id. */
  raiseEmergencyButton(): Promise<string>;
}

/** Starts it; `{dataDir, port}` of a stopped one is a restart. */
export async function startCadSms(options: { dataDir?: string; port?: number } = {}): Promise<CadSms> {
  const sms = await startDemoSms({ ...options, entry: path.join(__dirname, 'cadSmsProcess.ts') });
  const raised = /^raised (\S+)$/;
  return {
    ...sms,
    raiseServicePointCall: () => sms.ask('raise-service-point-call', raised),
    raiseEmergencyButton: () => sms.ask('raise-emergency-button', raised),
  };
}
