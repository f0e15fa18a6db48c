import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import type { ReactNode } from 'react';
import type { WindowRole } from '../../shared/host/profile';
import { ConsoleSurface } from '../cad/ConsoleSurface';
import { MapSurface } from '../map/MapSurface';
import { WallSurface } from '../video/WallSurface';
import { IncidentBoard } from '../overview/IncidentBoard';
import { Overview } from '../overview/Overview';

interface RoleLayoutProps {
  role: WindowRole;
  smsUrl: string;
  token: string;
}

/** The body of a window: the surfaces of its role; several of them in resizable panes. */
export function RoleLayout({ role, smsUrl, token }: RoleLayoutProps) {
  const overview = (
    <section aria-labelledby="overview-title" className="shell-overview">
      <h2 id="overview-title">Overview</h2>
      <Overview smsUrl={smsUrl} token={token} />
      <IncidentBoard smsUrl={smsUrl} token={token} />
    </section>
  );
  switch (role) {
    case 'console':
      return <Single>{<ConsoleSurface />}</Single>;
    case 'map':
      return <Single>{<MapSurface />}</Single>;
    case 'wall':
      return <Single>{<WallSurface />}</Single>;
    case 'command':
      return (
        <Panes id="jccr-panes-command">
          {[
            { id: 'map', label: 'map', size: '62', content: <MapSurface /> },
            { id: 'overview', label: 'overview', size: '38', content: overview },
          ]}
        </Panes>
      );
    case 'combined':
      return (
        <Panes id="jccr-panes-combined">
          {[
            { id: 'console', label: 'dispatch console', size: '38', content: <ConsoleSurface /> },
            { id: 'map', label: 'map', size: '36', content: <MapSurface /> },
            {
              id: 'side',
              label: 'video wall and overview',
              size: '26',
              content: (
                <Panes id="jccr-panes-combined-side" orientation="vertical">
                  {[
                    { id: 'wall', label: 'video wall', size: '55', content: <WallSurface /> },
                    { id: 'overview', label: 'overview', size: '45', content: overview },
                  ]}
                </Panes>
              ),
            },
          ]}
        </Panes>
      );
  }
}

function Single({ children }: { children: ReactNode }) {
  return <div className="shell-single">{children}</div>;
}

interface PaneSpec {
  id: string;
  /** Names the separators: "Resize map and overview". */
  label: string;
  /** Percent of the group. */
  size: string;
  content: ReactNode;
}

/**
 * Panes with named, keyboard-operable separators (focus one, then the arrow keys, Home and End
 * resize). The operator's sizes are remembered per window role in this browser profile.
 */
function Panes({
  id,
  orientation = 'horizontal',
  children,
}: {
  id: string;
  orientation?: 'horizontal' | 'vertical';
  children: PaneSpec[];
}) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id, storage: localStorage });
  return (
    <Group
      id={id}
      orientation={orientation}
      className={`shell-panes shell-panes--${orientation}`}
      defaultLayout={defaultLayout}
      onLayoutChanged={onLayoutChanged}
    >
      {children.flatMap((pane, index) => {
        const next = children[index + 1];
        const panel = (
          <Panel key={pane.id} id={pane.id} defaultSize={pane.size} minSize="12" className="shell-pane">
            {pane.content}
          </Panel>
        );
        if (!next) return [panel];
        return [
          panel,
          <Separator
            key={`${pane.id}-sep`}
            className="shell-separator"
            aria-label={`Resize ${pane.label} and ${next.label}`}
          />,
        ];
      })}
    </Group>
  );
}
