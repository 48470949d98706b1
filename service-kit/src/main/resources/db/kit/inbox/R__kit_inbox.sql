-- The inbox of service-kit's Inbox: the events each consumer of the service has processed, one row per consumer and
-- event id, written in the transaction of the consumer's change. A repeatable migration of the kit, run by each
-- service that lists classpath:db/kit/inbox in spring.flyway.locations. A later change must stay idempotent
-- (ADD COLUMN IF NOT EXISTS …): Flyway runs this file again when it changes.
CREATE TABLE IF NOT EXISTS event_inbox
(
  consumer    TEXT                     NOT NULL,
  event_id    UUID                     NOT NULL,
  event_type  TEXT                     NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS event_inbox_by_received_at ON event_inbox (received_at);
