-- sweep.completed is now recorded in the kit's outbox (event_publication, classpath:db/kit/outbox) in the completion's
-- own transaction, so the flag that told which completions still had to be sent is gone.
alter table sweeps drop column completion_published;
