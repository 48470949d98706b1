-- A bar on which hundreds of models alert stores hundreds of alerts (and their delivery rows) before it is
-- acknowledged. Each row's foreign key cost a lookup of the referenced row and a lock on it (FOR KEY SHARE, which
-- writes the lock into that row: a page change and a WAL record per alert and per delivery). The keys guarded
-- nothing: publications and alerts are never deleted (a retired publication keeps its status), an alert is written
-- by the runtime of a stored publication, and a delivery row only ever with its alert (docs/alerts.md "Storage";
-- evaluations lost theirs in V5 for the same reason).
alter table alerts drop constraint if exists alerts_publication_id_fkey;
alter table deliveries drop constraint if exists deliveries_alert_id_fkey;
