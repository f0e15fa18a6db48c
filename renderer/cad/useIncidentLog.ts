import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { firstCarriedLogNumber } from '../../shared/domain/incidentLog';
import {
  INCIDENT_LOG_PAGE_DEFAULT,
  INCIDENT_LOG_PAGE_MAX,
  IncidentLogResponseSchema,
  type Incident,
  type IncidentLogResponse,
} from '../../shared/protocol';
import { requestJson } from '../api/smsHttp';
import { entriesNotShown, shownLog, type ShownLogEntry } from './incidentLogView';

/** One page of an incident's full log: the latest `limit` entries numbered below `before`. */
function fetchLogPage(
  smsUrl: string,
  token: string,
  incidentId: string,
  before: number,
  limit: number,
  signal: AbortSignal,
): Promise<IncidentLogResponse> {
  const query = new URLSearchParams({ before: String(before), limit: String(limit) });
  return requestJson(
    `${smsUrl}/api/incidents/${encodeURIComponent(incidentId)}/log?${query.toString()}`,
    { headers: { Authorization: `Bearer ${token}` }, signal },
    IncidentLogResponseSchema,
    'incident log',
  );
}

/** What the incident detail shows of the log, and how to show more of it. */
export interface IncidentLogView {
  /** Lines to show, oldest first. */
  shown: ShownLogEntry[];
  /** Entries the log has in all. */
  total: number;
  /** Entries older than the first shown one. */
  notShown: number;
  /** Loads the next earlier page. */
  showEarlier(): void;
  loading: boolean;
  error: Error | null;
}

/**
 * The log of the selected incident: the latest entries its record carries and, once asked for,
 * earlier ones from `GET /api/incidents/:id/log`, a page at a time. Pages are anchored at the
 * first carried entry when the operator first asked; entries that later leave the record as new
 * ones arrive (the gap between the anchor and the record's first entry) are loaded too, so the
 * shown log never has a hole. Requests carry the session's newest token: a console stays open
 * longer than a token lasts.
 */
export function useIncidentLog(smsUrl: string, currentToken: () => string, incident: Incident): IncidentLogView {
  const first = firstCarriedLogNumber(incident);
  const [asked, setAsked] = useState<{ incidentId: string; anchor: number } | null>(null);
  // Pages loaded for another incident, or further back than one answer can bridge (hundreds of
  // entries arrived while the operator read), are dropped: the log starts again from the record.
  const anchor =
    asked !== null && asked.incidentId === incident.id && first - asked.anchor <= INCIDENT_LOG_PAGE_MAX
      ? asked.anchor
      : null;
  const gap = anchor === null ? 0 : first - anchor;

  const pages = useInfiniteQuery({
    queryKey: ['sms', smsUrl, 'incidentLog', incident.id, anchor] as const,
    enabled: anchor !== null && anchor > 0,
    initialPageParam: anchor ?? 0,
    queryFn: ({ pageParam, signal }) =>
      fetchLogPage(smsUrl, currentToken(), incident.id, pageParam, INCIDENT_LOG_PAGE_DEFAULT, signal),
    getNextPageParam: (last) => {
      const oldest = last.entries[0]?.n ?? 0;
      return oldest > 0 ? oldest : undefined;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const gapPage = useQuery({
    queryKey: ['sms', smsUrl, 'incidentLog', incident.id, 'gap', anchor, first] as const,
    enabled: anchor !== null && gap > 0,
    queryFn: ({ signal }) => fetchLogPage(smsUrl, currentToken(), incident.id, first, gap, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const shown = useMemo(
    () =>
      shownLog(incident, [...(pages.data?.pages.flatMap((p) => p.entries) ?? []), ...(gapPage.data?.entries ?? [])]),
    [incident, pages.data, gapPage.data],
  );
  const total = Math.max(incident.logCount ?? incident.log.length, shown.length);
  return {
    shown,
    total,
    notShown: entriesNotShown(incident, shown),
    showEarlier: () => {
      if (anchor === null) setAsked({ incidentId: incident.id, anchor: first });
      else if (pages.isError) void pages.refetch();
      else void pages.fetchNextPage();
    },
    loading: pages.isFetching || gapPage.isFetching,
    error: pages.error ?? gapPage.error,
  };
}
