/**
 * Entry point of the Video wall surface, composed by renderer/app. Placeholder until the
 * video feature lands in this folder; its signature is fixed (no props: it reads the session,
 * the snapshot query and the workstation bus itself).
 */
export function WallSurface() {
  return (
    <section aria-label="Video wall" className="surface">
      <h2>Video wall</h2>
    </section>
  );
}
