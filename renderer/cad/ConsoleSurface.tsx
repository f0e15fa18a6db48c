/**
 * Entry point of the Dispatch console surface, composed by renderer/app. Placeholder until the
 * cad feature lands in this folder; its signature is fixed (no props: it reads the session,
 * the snapshot query and the workstation bus itself).
 */
export function ConsoleSurface() {
  return (
    <section aria-label="Dispatch console" className="surface">
      <h2>Dispatch console</h2>
    </section>
  );
}
