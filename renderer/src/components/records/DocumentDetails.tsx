// Details of the highlighted document, with a link to its patient.
import type { DocumentInfo } from '../../../../common/desktop/index.js';
import { calendarDate, fileSize } from '../../lib/format.js';
import { navigate } from '../../stores/route-store.js';

export function DocumentDetails({ document }: { document: DocumentInfo }) {
  return (
    <section className="card record-card" aria-label="Document details">
      <dl className="details">
        <dt>Title</dt>
        <dd>{document.title}</dd>
        <dt>File</dt>
        <dd>
          {document.fileName} ({fileSize(document.size)})
        </dd>
        <dt>Added</dt>
        <dd>{calendarDate(document.createdAt)}</dd>
        {document.patientId && (
          <>
            <dt>Patient</dt>
            <dd>
              <button
                className="link"
                onClick={() => navigate({ name: 'patient', patientId: document.patientId ?? '' })}
              >
                Open patient record
              </button>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
