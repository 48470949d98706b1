-- The recommendation sim-service gave at the end of a publication's paper period (paper.completed):
-- APPROVE_FOR_LIVE_TRADING, REJECT or EXTEND_PAPER_TRADING; null before.
ALTER TABLE publications ADD COLUMN paper_recommendation TEXT;
