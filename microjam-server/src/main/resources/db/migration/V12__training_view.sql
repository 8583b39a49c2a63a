-- What a trainer outside the server may read (microjam robojam train --database): every published
-- performance's id and touches, nothing of performers. A deleted performance leaves this view with its row,
-- so training never reads one. Read-only by contract: the server's own SQL stays in its stores.
CREATE VIEW training_performances AS SELECT id, touches FROM performance;
