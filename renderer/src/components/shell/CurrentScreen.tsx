// Picks the screen for the current route.
import { useRouteStore } from '../../stores/route-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { AuditScreen } from '../audit/AuditScreen.js';
import { ComposeScreen } from '../compose/ComposeScreen.js';
import { Dashboard } from '../dashboard/Dashboard.js';
import { MessagesScreen } from '../messages/MessagesScreen.js';
import { OutboxScreen } from '../outbox/OutboxScreen.js';
import { PortalScreen } from '../portal/PortalScreen.js';
import { EncounterView } from '../records/EncounterView.js';
import { FindDocuments } from '../records/FindDocuments.js';
import { PatientView } from '../records/PatientView.js';
import { SearchResults } from '../search/SearchResults.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';

export function CurrentScreen() {
  const route = useRouteStore((s) => s.route);
  const practiceId = useSessionStore((s) => s.practiceId);
  if (!practiceId) return null;
  switch (route.name) {
    case 'dashboard':
      return <Dashboard practiceId={practiceId} />;
    case 'messages':
      return <MessagesScreen practiceId={practiceId} folder={route.folder} messageId={route.messageId} />;
    case 'compose':
      return <ComposeScreen practiceId={practiceId} link={route.link} forward={route.forward} />;
    case 'patient':
      return <PatientView practiceId={practiceId} patientId={route.patientId} />;
    case 'encounter':
      return <EncounterView practiceId={practiceId} encounterId={route.encounterId} />;
    case 'documents':
      return (
        <FindDocuments
          key={route.documentId ?? ''}
          practiceId={practiceId}
          documentId={route.documentId}
          openAtStart={route.open === true}
        />
      );
    case 'settings':
      return <SettingsScreen practiceId={practiceId} />;
    case 'search':
      return <SearchResults practiceId={practiceId} />;
    case 'outbox':
      return <OutboxScreen />;
    case 'portal':
      return (
        <PortalScreen
          practiceId={practiceId}
          filter={route.filter}
          threadId={route.threadId}
          messageId={route.messageId}
        />
      );
    case 'audit':
      return <AuditScreen practiceId={practiceId} messageId={route.messageId} />;
  }
}
