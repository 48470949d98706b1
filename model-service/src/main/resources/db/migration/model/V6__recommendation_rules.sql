-- The paper recommendation's rules a publication sets (publish_settings.recommendation_rules); {} = the defaults.
alter table publications add column recommendation_rules jsonb not null default '{}';
