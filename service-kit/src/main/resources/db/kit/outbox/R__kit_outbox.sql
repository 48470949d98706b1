-- The transactional outbox of service-kit's EventOutbox: Spring Modulith 2.0's JDBC event publication registry, schema
-- v2 as spring-modulith-events-jdbc 2.0.3 ships it (org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql), in the service's own schema.
-- A repeatable migration of the kit, run by each service that lists classpath:db/kit/outbox in spring.flyway.locations.
-- It only creates what is missing, so it can run on a schema whose own migration created the table (model-service V2).
-- A later change must stay idempotent (ADD COLUMN IF NOT EXISTS …): Flyway runs this file again when it changes.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
