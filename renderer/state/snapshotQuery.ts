import { queryOptions } from '@tanstack/react-query';
import { SnapshotSchema } from '../../shared/protocol';
import { ProtocolError, UnauthorizedError, requestJson } from '../api/smsHttp';

/**
 * The one query for the SMS's state. Socket events keep it current through `applyEvent`, so
 * it is never stale by age and react-query must not refetch it on its own (focus, reconnect,
 * mount): only the connection decides when a fresh snapshot is needed (gap, `resync`).
 */
export function snapshotQuery(smsUrl: string, token: string) {
  return queryOptions({
    // The token is deliberately not part of the key (keys show up in tools); the cache is
    // cleared on sign-out instead.
    queryKey: ['sms', smsUrl, 'snapshot'] as const,
    queryFn: ({ signal }) =>
      requestJson(
        `${smsUrl}/api/snapshot`,
        { headers: { Authorization: `Bearer ${token}` }, signal },
        SnapshotSchema,
        'snapshot',
      ),
    // No structural sharing: react-query would otherwise compare the whole new snapshot with the
    // old one, record by record, on every batch of events (the console's largest cost at 10,000
    // incidents). applyEvents already keeps every unchanged record and list the same object.
    structuralSharing: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failures, error) => !(error instanceof UnauthorizedError || error instanceof ProtocolError) && failures < 3,
  });
}
