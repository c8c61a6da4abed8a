-- Graph builds now keep their edges in a column folder of the workspace (graphs/B<id>/; see
-- docs/decisions/0005-columnar-fast-path.md). How a build was made (a full build or an update of an earlier one)
-- and whether an analyst pinned it as a snapshot to keep are recorded here.
ALTER TABLE graph_builds ADD COLUMN made_by VARCHAR(12) DEFAULT 'full' NOT NULL;   -- full, update
ALTER TABLE graph_builds ADD COLUMN based_on INT;                                  -- the build an update continued
ALTER TABLE graph_builds ADD COLUMN pinned_as VARCHAR(200);                        -- a snapshot's name; kept for good
