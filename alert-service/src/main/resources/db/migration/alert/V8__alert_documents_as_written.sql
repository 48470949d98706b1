-- An alert's document is stored as the JSON text the service wrote (type json: checked, kept as written) rather
-- than as jsonb: nothing queries inside it, it is only ever read back whole, and converting it to jsonb was about a
-- third of the time a bar with hundreds of alerts spent storing them (docs/alerts.md "Storage").
alter table alerts alter column alert type json using alert::json;
