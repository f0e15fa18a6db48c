/**
 * Entry point of the Map surface, composed by renderer/app. Placeholder until the
 * map feature lands in this folder; its signature is fixed (no props: it reads the session,
 * the snapshot query and the workstation bus itself).
 */
export function MapSurface() {
  return (
    <section aria-label="Map" className="surface">
      <h2>Map</h2>
    </section>
  );
}
