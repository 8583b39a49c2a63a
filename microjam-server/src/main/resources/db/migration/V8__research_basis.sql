-- The performances each research report was built from: ids only, never served. A deleted performance
-- (alone or with its performer's account) takes its rows here with it (ON DELETE CASCADE), so a report
-- whose basis shrank is known to hold something deleted and is withdrawn.
CREATE TABLE research_basis (
    report         VARCHAR(36) NOT NULL,
    performance_id VARCHAR(36) NOT NULL REFERENCES performance (id) ON DELETE CASCADE,
    PRIMARY KEY (report, performance_id)
);
-- The cascade looks rows up by performance on every deletion.
CREATE INDEX research_basis_performance ON research_basis (performance_id);
