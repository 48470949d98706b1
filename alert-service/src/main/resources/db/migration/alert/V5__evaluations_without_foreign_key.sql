-- Evaluations are written at the rate of models × bars (a replay at maximum speed: tens of thousands a second). The
-- foreign key to publications cost a lookup per row; publications are never deleted (retired ones keep their
-- status), and every evaluation is written by the runtime of a stored publication, so the key guarded nothing.
alter table evaluations drop constraint if exists evaluations_publication_id_fkey;
