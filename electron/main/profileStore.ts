import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { WorkstationProfile } from '../../shared/host/profile';
import { WorkstationProfileSchema, defaultProfile } from '../../shared/host/profile';

/** The workstation profile on disk (`workstation-profile.json` in Electron's user-data folder). */
export interface ProfileStore {
  /** The profile; the default when there is none or it cannot be used. Never throws. */
  load(): WorkstationProfile;
  /** Writes the profile (validated) atomically: a crash mid-write leaves the old file whole. */
  save(profile: WorkstationProfile): void;
}

export const PROFILE_FILE = 'workstation-profile.json';

/**
 * A profile that does not parse (hand-edited, half-written, another version) must never stop a
 * control-room workstation from starting: it is renamed aside for a technician to look at, the
 * fact is logged, and the default is used.
 */
export function createProfileStore(file: string, log: (message: string) => void, now = () => new Date()): ProfileStore {
  return {
    load() {
      if (!existsSync(file)) return defaultProfile();
      let problem: string;
      try {
        const parsed = WorkstationProfileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (parsed.success) return parsed.data;
        problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(file, aside);
        log(`workstation profile unusable (${problem}); kept as ${aside}; using the default`);
      } catch (error) {
        log(`workstation profile unusable (${problem}) and could not be moved aside: ${String(error)}`);
      }
      return defaultProfile();
    },
    save(profile) {
      const valid = WorkstationProfileSchema.parse(profile);
      const temp = `${file}.tmp`;
      writeFileSync(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
