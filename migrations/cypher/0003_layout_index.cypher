// One saved arrangement of the map per project.
CREATE CONSTRAINT layout_project IF NOT EXISTS FOR (l:Layout) REQUIRE l.projectId IS UNIQUE;
