import type { FuseOptionsV1 } from 'app-builder-lib';

/**
 * The fuses JCCR ships with. Typed against electron-builder's `FuseOptionsV1` with every key
 * required, so a fuse added to Electron shows up here as a type error until it is decided; the
 * test checks that `electron-builder.yml` sets exactly these.
 */
export const REQUIRED_FUSES: Required<Omit<FuseOptionsV1, 'resetAdHocDarwinSignature'>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};
